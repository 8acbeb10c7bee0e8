package cn.medexam.qualification.support;

import cn.medexam.qualification.campaign.Region;
import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registration.Category;
import cn.medexam.qualification.registration.Registration.Education;
import cn.medexam.qualification.registration.Registration.ExamLevel;
import cn.medexam.qualification.registration.Registration.GraduateStatus;
import cn.medexam.qualification.registration.Registration.IdType;
import cn.medexam.qualification.registration.Registration.InstitutionTier;
import cn.medexam.qualification.registration.Registration.MilitaryStatus;
import cn.medexam.qualification.registration.Registration.Nationality;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test registrations: a Shandong 2026 bachelor applying for physician at exam site 3701 unless told otherwise.
 * Every applicant gets a fresh candidate number, so tests never share a case, on H2 or on a reused PostgreSQL.
 */
public final class Applicant {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100);

    public String candidateNo = "T" + SEQUENCE.incrementAndGet();
    public String name = "测试考生";
    public IdType idType = IdType.RESIDENT_ID;
    public String idNumber = "370102199001011234";
    public String phone = "13800138000";
    public Region region = Region.SHANDONG;
    public String examSite = "3701";
    public int examYear = 2026;
    public ExamLevel level = ExamLevel.PHYSICIAN;
    public Category category = Category.CLINICAL;
    public Education education = Education.BACHELOR;
    public GraduateStatus graduateStatus = GraduateStatus.NONE;
    public LocalDate upgradedBachelorEnteredOn;
    public LocalDate graduateEnrolledOn;
    public boolean holdsAssistantQualification;
    public LocalDate assistantRegisteredOn;
    public InstitutionTier institutionTier = InstitutionTier.OTHER;
    public int probationInstitutions = 1;
    public boolean foreignDegree;
    public Nationality nationality = Nationality.CN;
    public boolean previousHunanRegistration;
    public boolean shortTrack;
    public boolean graduatingThisYear;
    public MilitaryStatus militaryStatus = MilitaryStatus.NONE;
    public boolean schoolInRegion = true;
    public String school;
    public String major;
    public LocalDate graduatedOn;
    public String probationInstitution;
    public String institutionLicenseNo;
    public String assistantCertificateNo;

    public static Applicant shandongBachelor() {
        return new Applicant();
    }

    public static Applicant servingMilitary() {
        Applicant applicant = new Applicant();
        applicant.militaryStatus = MilitaryStatus.SERVING;
        applicant.idType = IdType.MILITARY_ID;
        return applicant;
    }

    /** Liaoning 2025: graduating graduate students only from Liaoning schools. */
    public static Applicant liaoningGraduateFromElsewhere() {
        Applicant applicant = new Applicant();
        applicant.region = Region.LIAONING;
        applicant.examYear = 2025;
        applicant.examSite = "2101";
        applicant.education = Education.MASTER;
        applicant.graduateStatus = GraduateStatus.GRADUATING;
        applicant.graduatingThisYear = true;
        applicant.schoolInRegion = false;
        return applicant;
    }

    public Registration registration() {
        return new Registration(
                candidateNo,
                name,
                idType,
                idNumber,
                phone,
                region,
                examSite,
                examYear,
                level,
                category,
                education,
                graduateStatus,
                upgradedBachelorEnteredOn,
                graduateEnrolledOn,
                holdsAssistantQualification,
                assistantRegisteredOn,
                institutionTier,
                probationInstitutions,
                foreignDegree,
                nationality,
                previousHunanRegistration,
                shortTrack,
                graduatingThisYear,
                militaryStatus,
                schoolInRegion,
                school,
                major,
                graduatedOn,
                probationInstitution,
                institutionLicenseNo,
                assistantCertificateNo);
    }
}
