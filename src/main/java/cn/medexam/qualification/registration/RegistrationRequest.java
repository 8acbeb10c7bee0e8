package cn.medexam.qualification.registration;

import cn.medexam.qualification.campaign.Region;
import cn.medexam.qualification.registration.Registration.Category;
import cn.medexam.qualification.registration.Registration.Education;
import cn.medexam.qualification.registration.Registration.ExamLevel;
import cn.medexam.qualification.registration.Registration.GraduateStatus;
import cn.medexam.qualification.registration.Registration.IdType;
import cn.medexam.qualification.registration.Registration.InstitutionTier;
import cn.medexam.qualification.registration.Registration.MilitaryStatus;
import cn.medexam.qualification.registration.Registration.Nationality;
import cn.medexam.qualification.system.IsoDate;
import cn.medexam.qualification.system.OneOf;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The registration body of {@code POST/PUT /api/registrations} and {@code POST /api/checklist/evaluate}. Enums and
 * dates arrive as text so that every bad field is named in one answer.
 */
public record RegistrationRequest(
        @NotBlank(message = "考生编号不能为空") @Pattern(regexp = "[0-9A-Za-z-]{1,32}", message = "考生编号只能由字母、数字和“-”组成，最长 32 位")
        String candidateNo,

        @NotBlank(message = "姓名不能为空") @Size(max = 100, message = "姓名最长 100 个字符")
        String name,

        @OneOf(value = IdType.class, label = "证件类型") String idType,

        @NotBlank(message = "证件号码不能为空") @Pattern(regexp = "[0-9A-Za-z()（）-]{4,40}", message = "证件号码格式不正确")
        String idNumber,

        @NotBlank(message = "手机号码不能为空") @Pattern(regexp = "1[3-9][0-9]{9}", message = "手机号码须为 11 位中国大陆手机号")
        String phone,

        @OneOf(value = Region.class, label = "考区") String region,

        @NotBlank(message = "考点不能为空") @Pattern(regexp = "[0-9A-Za-z_-]{1,40}", message = "考点代码只能由字母、数字、“-”和“_”组成")
        String examSite,

        @NotNull(message = "考试年度不能为空") @Min(value = 2000, message = "考试年度不正确") @Max(value = 2100, message = "考试年度不正确")
        Integer examYear,

        @OneOf(value = ExamLevel.class, label = "报考级别") String level,
        @OneOf(value = Category.class, label = "报考类别") String category,
        @OneOf(value = Education.class, label = "学历") String education,

        @OneOf(value = GraduateStatus.class, label = "研究生状态")
        String graduateStatus,

        @IsoDate(message = "专升本入学日期须为 yyyy-MM-dd 格式") String upgradedBachelorEnteredOn,
        @IsoDate(message = "研究生入学日期须为 yyyy-MM-dd 格式") String graduateEnrolledOn,
        @NotNull(message = "是否持有执业助理医师资格不能为空") Boolean holdsAssistantQualification,
        @IsoDate(message = "助理医师注册日期须为 yyyy-MM-dd 格式") String assistantRegisteredOn,

        @OneOf(value = InstitutionTier.class, label = "执业机构类别")
        String institutionTier,

        @NotNull(message = "试用机构数不能为空")
        @Min(value = 0, message = "试用机构数不能为负数")
        @Max(value = 20, message = "试用机构数不能超过 20")
        Integer probationInstitutions,

        @NotNull(message = "是否境外学历不能为空") Boolean foreignDegree,
        @OneOf(value = Nationality.class, label = "国籍") String nationality,
        @NotNull(message = "是否曾在湖南考区报考不能为空") Boolean previousHunanRegistration,
        @NotNull(message = "是否报考短线医学加试不能为空") Boolean shortTrack,
        @NotNull(message = "是否应届毕业不能为空") Boolean graduatingThisYear,

        @OneOf(value = MilitaryStatus.class, label = "现役军人状态")
        String militaryStatus,

        @NotNull(message = "学校是否在本考区不能为空") Boolean schoolInRegion,
        @Size(max = 100, message = "毕业学校最长 100 个字符") String school,
        @Size(max = 100, message = "专业最长 100 个字符") String major,
        @IsoDate(message = "毕业日期须为 yyyy-MM-dd 格式") String graduatedOn,
        @Size(max = 200, message = "试用机构名称最长 200 个字符") String probationInstitution,

        @Pattern(regexp = "[0-9A-Za-z()（）-]{0,64}", message = "医疗机构执业许可证登记号只能由字母、数字、括号和“-”组成，最长 64 位")
        String institutionLicenseNo,

        @Pattern(regexp = "[0-9A-Za-z-]{0,64}", message = "执业助理医师资格证书编号只能由字母、数字和“-”组成，最长 64 位")
        String assistantCertificateNo) {

    /** Only call after validation. */
    public Registration toRegistration() {
        return new Registration(
                candidateNo,
                name.trim(),
                IdType.valueOf(idType),
                idNumber,
                phone,
                Region.valueOf(region),
                examSite,
                examYear,
                ExamLevel.valueOf(level),
                Category.valueOf(category),
                Education.valueOf(education),
                GraduateStatus.valueOf(graduateStatus),
                date(upgradedBachelorEnteredOn),
                date(graduateEnrolledOn),
                holdsAssistantQualification,
                date(assistantRegisteredOn),
                InstitutionTier.valueOf(institutionTier),
                probationInstitutions,
                foreignDegree,
                Nationality.valueOf(nationality),
                previousHunanRegistration,
                shortTrack,
                graduatingThisYear,
                MilitaryStatus.valueOf(militaryStatus),
                schoolInRegion,
                text(school),
                text(major),
                date(graduatedOn),
                text(probationInstitution),
                text(institutionLicenseNo),
                text(assistantCertificateNo));
    }

    /** An optional text: trimmed, and absent when blank. */
    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
