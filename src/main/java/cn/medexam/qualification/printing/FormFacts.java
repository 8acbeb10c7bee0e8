package cn.medexam.qualification.printing;

import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registration.IdType;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * What the registration knows for a printed form, in the words of the forms. Sex and date of birth are read from an
 * 18-digit resident ID number (GB 11643: digits 7–14 the birth date, digit 17 odd for men); anything the registration
 * does not know (民族, 所学专业, the institution, …) stays blank for the candidate to fill in.
 */
record FormFacts(
        String candidateNo,
        String name,
        String sex,
        LocalDate birthDate,
        String idType,
        String idNumber,
        String phone,
        String examCategory,
        String education,
        String medicalEducation,
        String region,
        String examSite,
        int examYear) {

    static FormFacts of(Registration r, String regionName) {
        LocalDate birth = null;
        String sex = null;
        String id = r.idNumber();
        if (r.idType() == IdType.RESIDENT_ID && id != null && id.matches("[0-9]{17}[0-9Xx]")) {
            try {
                birth = LocalDate.of(
                        Integer.parseInt(id.substring(6, 10)),
                        Integer.parseInt(id.substring(10, 12)),
                        Integer.parseInt(id.substring(12, 14)));
                sex = (id.charAt(16) - '0') % 2 == 1 ? "男" : "女";
            } catch (DateTimeException notADate) {
                birth = null;
                sex = null;
            }
        }
        return new FormFacts(
                r.candidateNo(),
                r.name(),
                sex,
                birth,
                idType(r.idType()),
                id,
                r.phone(),
                category(r.category()) + level(r.level()),
                education(r.education()),
                switch (r.education()) {
                    case MENTORSHIP, SPECIALTY -> null; // 师承 and 确有专长 hold no medical degree
                    default -> education(r.education());
                },
                regionName + "考区",
                r.examSite(),
                r.examYear());
    }

    /** 1990年01月, as 出生年月 is written. */
    String birthMonth() {
        return birthDate == null ? null : String.format("%d年%02d月", birthDate.getYear(), birthDate.getMonthValue());
    }

    String birthDay() {
        return birthDate == null
                ? null
                : String.format(
                        "%d年%02d月%02d日", birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth());
    }

    private static String idType(IdType type) {
        return switch (type) {
            case RESIDENT_ID -> "居民身份证";
            case PASSPORT -> "护照";
            case HMT_PERMIT -> "港澳台居民来往内地通行证";
            case MILITARY_ID -> "军官证";
            case OTHER -> "其他有效身份证件";
        };
    }

    private static String level(Registration.ExamLevel level) {
        return switch (level) {
            case PHYSICIAN -> "执业医师";
            case ASSISTANT -> "执业助理医师";
        };
    }

    private static String category(Registration.Category category) {
        return switch (category) {
            case CLINICAL -> "临床";
            case TCM -> "中医";
            case DENTAL -> "口腔";
            case PUBLIC_HEALTH -> "公共卫生";
            case RURAL_GENERAL -> "乡村全科";
        };
    }

    private static String education(Registration.Education education) {
        return switch (education) {
            case SECONDARY -> "中专";
            case JUNIOR_COLLEGE -> "大专";
            case BACHELOR -> "本科";
            case MASTER -> "硕士研究生";
            case DOCTOR -> "博士研究生";
            case MENTORSHIP -> "师承";
            case SPECIALTY -> "确有专长";
        };
    }
}
