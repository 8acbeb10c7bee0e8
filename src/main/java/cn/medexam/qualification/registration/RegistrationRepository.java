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
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RegistrationRepository {

    private static final String COLUMNS = """
            name = :name, id_type = :idType, id_number = :idNumber, phone = :phone, region = :region,
            exam_site = :examSite, exam_year = :examYear, exam_level = :level, category = :category,
            education = :education, graduate_status = :graduateStatus,
            upgraded_bachelor_entered_on = :upgradedBachelorEnteredOn, graduate_enrolled_on = :graduateEnrolledOn,
            holds_assistant_qualification = :holdsAssistantQualification,
            assistant_registered_on = :assistantRegisteredOn, institution_tier = :institutionTier,
            probation_institutions = :probationInstitutions, foreign_degree = :foreignDegree,
            nationality = :nationality, previous_hunan_registration = :previousHunanRegistration,
            short_track = :shortTrack, graduating_this_year = :graduatingThisYear,
            military_status = :militaryStatus, school_in_region = :schoolInRegion, school = :school, major = :major,
            graduated_on = :graduatedOn, probation_institution = :probationInstitution,
            institution_license_no = :institutionLicenseNo, assistant_certificate_no = :assistantCertificateNo""";

    private final JdbcClient jdbc;

    RegistrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Registration> findAll(Collection<String> candidateNos) {
        if (candidateNos.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM registration WHERE candidate_no IN (:candidateNos)")
                .param("candidateNos", candidateNos)
                .query(RegistrationRepository::map)
                .list();
    }

    Optional<Registration> find(String candidateNo) {
        return jdbc.sql("SELECT * FROM registration WHERE candidate_no = ?")
                .param(candidateNo)
                .query(RegistrationRepository::map)
                .optional();
    }

    List<String> candidateNumbers(Region region, int examYear, String after, int limit) {
        return jdbc.sql("""
                        SELECT candidate_no FROM registration
                         WHERE region = ? AND exam_year = ? AND candidate_no > ?
                         ORDER BY candidate_no LIMIT ?""")
                .params(region.name(), examYear, after, limit)
                .query(String.class)
                .list();
    }

    /** Each exam site with the region of its registrations. */
    List<ExamSite> examSites() {
        return jdbc.sql("SELECT DISTINCT exam_site, region FROM registration")
                .query((rs, row) -> new ExamSite(rs.getString("exam_site"), rs.getString("region")))
                .list();
    }

    record ExamSite(String examSite, String region) {}

    Optional<String> processInstanceId(String candidateNo) {
        return jdbc.sql("SELECT process_instance_id FROM registration WHERE candidate_no = ?")
                .param(candidateNo)
                .query(String.class)
                .optional();
    }

    void insert(Registration r, Instant now) {
        jdbc.sql("""
                        INSERT INTO registration (candidate_no, name, id_type, id_number, phone, region, exam_site,
                               exam_year, exam_level, category, education, graduate_status, upgraded_bachelor_entered_on,
                               graduate_enrolled_on, holds_assistant_qualification, assistant_registered_on,
                               institution_tier, probation_institutions, foreign_degree, nationality,
                               previous_hunan_registration, short_track, graduating_this_year, military_status,
                               school_in_region, school, major, graduated_on, probation_institution,
                               institution_license_no, assistant_certificate_no, registered_at, updated_at)
                        VALUES (:candidateNo, :name, :idType, :idNumber, :phone, :region, :examSite,
                               :examYear, :level, :category, :education, :graduateStatus, :upgradedBachelorEnteredOn,
                               :graduateEnrolledOn, :holdsAssistantQualification, :assistantRegisteredOn,
                               :institutionTier, :probationInstitutions, :foreignDegree, :nationality,
                               :previousHunanRegistration, :shortTrack, :graduatingThisYear, :militaryStatus,
                               :schoolInRegion, :school, :major, :graduatedOn, :probationInstitution,
                               :institutionLicenseNo, :assistantCertificateNo, :now, :now)""").params(parameters(r)).param("now", Timestamp.from(now)).update();
    }

    void update(Registration r, Instant now) {
        jdbc.sql("UPDATE registration SET " + COLUMNS + ", updated_at = :now WHERE candidate_no = :candidateNo")
                .params(parameters(r))
                .param("now", Timestamp.from(now))
                .update();
    }

    void linkCase(String candidateNo, String processInstanceId) {
        jdbc.sql("UPDATE registration SET process_instance_id = ? WHERE candidate_no = ?")
                .params(processInstanceId, candidateNo)
                .update();
    }

    void lockForUpdate(String candidateNo) {
        jdbc.sql("SELECT candidate_no FROM registration WHERE candidate_no = ? FOR UPDATE")
                .param(candidateNo)
                .query(String.class)
                .single();
    }

    boolean isCancelled(String candidateNo) {
        return jdbc.sql("SELECT COUNT(*) FROM registration WHERE candidate_no = ? AND cancelled_at IS NOT NULL")
                        .param(candidateNo)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void markCancelled(String candidateNo, Instant now) {
        jdbc.sql("UPDATE registration SET cancelled_at = ?, updated_at = ? WHERE candidate_no = ?")
                .params(Timestamp.from(now), Timestamp.from(now), candidateNo)
                .update();
    }

    private static Map<String, Object> parameters(Registration r) {
        Map<String, Object> values = new HashMap<>();
        values.put("candidateNo", r.candidateNo());
        values.put("name", r.name());
        values.put("idType", r.idType().name());
        values.put("idNumber", r.idNumber());
        values.put("phone", r.phone());
        values.put("region", r.region().name());
        values.put("examSite", r.examSite());
        values.put("examYear", r.examYear());
        values.put("level", r.level().name());
        values.put("category", r.category().name());
        values.put("education", r.education().name());
        values.put("graduateStatus", r.graduateStatus().name());
        values.put("upgradedBachelorEnteredOn", sqlDate(r.upgradedBachelorEnteredOn()));
        values.put("graduateEnrolledOn", sqlDate(r.graduateEnrolledOn()));
        values.put("holdsAssistantQualification", r.holdsAssistantQualification());
        values.put("assistantRegisteredOn", sqlDate(r.assistantRegisteredOn()));
        values.put("institutionTier", r.institutionTier().name());
        values.put("probationInstitutions", r.probationInstitutions());
        values.put("foreignDegree", r.foreignDegree());
        values.put("nationality", r.nationality().name());
        values.put("previousHunanRegistration", r.previousHunanRegistration());
        values.put("shortTrack", r.shortTrack());
        values.put("graduatingThisYear", r.graduatingThisYear());
        values.put("militaryStatus", r.militaryStatus().name());
        values.put("schoolInRegion", r.schoolInRegion());
        values.put("school", r.school());
        values.put("major", r.major());
        values.put("graduatedOn", sqlDate(r.graduatedOn()));
        values.put("probationInstitution", r.probationInstitution());
        values.put("institutionLicenseNo", r.institutionLicenseNo());
        values.put("assistantCertificateNo", r.assistantCertificateNo());
        return values;
    }

    private static Date sqlDate(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Registration map(ResultSet rs, int row) throws SQLException {
        return new Registration(
                rs.getString("candidate_no"),
                rs.getString("name"),
                IdType.valueOf(rs.getString("id_type")),
                rs.getString("id_number"),
                rs.getString("phone"),
                Region.valueOf(rs.getString("region")),
                rs.getString("exam_site"),
                rs.getInt("exam_year"),
                ExamLevel.valueOf(rs.getString("exam_level")),
                Category.valueOf(rs.getString("category")),
                Education.valueOf(rs.getString("education")),
                GraduateStatus.valueOf(rs.getString("graduate_status")),
                day(rs, "upgraded_bachelor_entered_on"),
                day(rs, "graduate_enrolled_on"),
                rs.getBoolean("holds_assistant_qualification"),
                day(rs, "assistant_registered_on"),
                InstitutionTier.valueOf(rs.getString("institution_tier")),
                rs.getInt("probation_institutions"),
                rs.getBoolean("foreign_degree"),
                Nationality.valueOf(rs.getString("nationality")),
                rs.getBoolean("previous_hunan_registration"),
                rs.getBoolean("short_track"),
                rs.getBoolean("graduating_this_year"),
                MilitaryStatus.valueOf(rs.getString("military_status")),
                rs.getBoolean("school_in_region"),
                rs.getString("school"),
                rs.getString("major"),
                day(rs, "graduated_on"),
                rs.getString("probation_institution"),
                rs.getString("institution_license_no"),
                rs.getString("assistant_certificate_no"));
    }
}
