package cn.medexam.qualification.registration;

import cn.medexam.qualification.campaign.Region;
import java.time.LocalDate;

/**
 * A candidate's registration as the registration system sent it: the facts the checklist rules look at, then the
 * optional facts the reviewers compare the documents with (毕业学校, 专业, 毕业日期, 试用机构, 医疗机构执业许可证登记号,
 * 执业助理医师资格证书编号; null when not sent).
 */
public record Registration(
        String candidateNo,
        String name,
        IdType idType,
        String idNumber,
        String phone,
        Region region,
        String examSite,
        int examYear,
        ExamLevel level,
        Category category,
        Education education,
        GraduateStatus graduateStatus,
        LocalDate upgradedBachelorEnteredOn,
        LocalDate graduateEnrolledOn,
        boolean holdsAssistantQualification,
        LocalDate assistantRegisteredOn,
        InstitutionTier institutionTier,
        int probationInstitutions,
        boolean foreignDegree,
        Nationality nationality,
        boolean previousHunanRegistration,
        boolean shortTrack,
        boolean graduatingThisYear,
        MilitaryStatus militaryStatus,
        boolean schoolInRegion,
        String school,
        String major,
        LocalDate graduatedOn,
        String probationInstitution,
        String institutionLicenseNo,
        String assistantCertificateNo) {

    public enum IdType {
        RESIDENT_ID,
        PASSPORT,
        HMT_PERMIT,
        MILITARY_ID,
        OTHER
    }

    /** 执业医师 or 执业助理医师. */
    public enum ExamLevel {
        PHYSICIAN,
        ASSISTANT
    }

    public enum Category {
        CLINICAL,
        TCM,
        DENTAL,
        PUBLIC_HEALTH,
        RURAL_GENERAL
    }

    /** MENTORSHIP is 师承, SPECIALTY is 确有专长. */
    public enum Education {
        SECONDARY,
        JUNIOR_COLLEGE,
        BACHELOR,
        MASTER,
        DOCTOR,
        MENTORSHIP,
        SPECIALTY
    }

    public enum GraduateStatus {
        NONE,
        GRADUATING,
        LONG_PROGRAM_IN_SCHOOL,
        GRADUATED
    }

    public enum InstitutionTier {
        TERTIARY_A,
        CDC,
        MILITARY,
        TOWNSHIP_OR_VILLAGE,
        OTHER
    }

    /** HMT: residents of Hong Kong, Macao and Taiwan. */
    public enum Nationality {
        CN,
        HMT,
        FOREIGN
    }

    public enum MilitaryStatus {
        NONE,
        SERVING
    }
}
