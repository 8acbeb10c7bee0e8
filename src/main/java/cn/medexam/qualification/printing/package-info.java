/**
 * The printable documents of a candidate (issue 14, part 1): the blank forms of the Hunan notice's annexes, filled in
 * with what the registration knows (《医师资格考试试用期考核证明》, 《执业助理医师报考执业医师执业期考核证明》,
 * 《应届医学专业毕业生医师资格考试报考承诺书》), and the 《医师资格考试网上报名成功通知单》 with the serial number, whose QR
 * code and short code lead to the public check {@code GET /verify/{code}}. {@code /api/me/documents/**}; owns {@code
 * registration_notice}.
 */
@ApplicationModule(
        displayName = "Printing",
        allowedDependencies = {"campaign", "checklist", "registration", "review", "system"})
package cn.medexam.qualification.printing;

import org.springframework.modulith.ApplicationModule;
