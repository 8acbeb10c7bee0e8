package cn.medexam.qualification.candidate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 完善个人信息: the contact data a candidate keeps up to date (table candidate_profile). */
@Component
class Profiles {

    record Profile(String phone, String contactAddress) {}

    private final JdbcClient jdbc;

    Profiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Profile> find(String candidateNo) {
        return jdbc.sql("SELECT phone, contact_address FROM candidate_profile WHERE candidate_no = ?")
                .param(candidateNo)
                .query((rs, row) -> new Profile(rs.getString("phone"), rs.getString("contact_address")))
                .optional();
    }

    void createIfMissing(String candidateNo, String phone, Instant now) {
        if (find(candidateNo).isEmpty()) {
            jdbc.sql("INSERT INTO candidate_profile (candidate_no, phone, updated_at) VALUES (?, ?, ?)")
                    .params(candidateNo, phone, Timestamp.from(now))
                    .update();
        }
    }

    void save(String candidateNo, Profile profile, Instant now) {
        createIfMissing(candidateNo, profile.phone(), now);
        jdbc.sql("UPDATE candidate_profile SET phone = ?, contact_address = ?, updated_at = ? WHERE candidate_no = ?")
                .params(profile.phone(), profile.contactAddress(), Timestamp.from(now), candidateNo)
                .update();
    }

    /** @return how many profiles were deleted */
    int deleteOf(Collection<String> candidateNos) {
        return jdbc.sql("DELETE FROM candidate_profile WHERE candidate_no IN (:candidateNos)")
                .param("candidateNos", candidateNos)
                .update();
    }
}
