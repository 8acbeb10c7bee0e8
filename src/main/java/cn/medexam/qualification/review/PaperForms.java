package cn.medexam.qualification.review;

import cn.medexam.qualification.campaign.Campaign.PaperApplicationForm;
import cn.medexam.qualification.campaign.Campaigns;
import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.system.DomainException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 报名暨授予医师资格申请表 (seed 002, 辽宁: "考生需要按照考点规定将有本人签字的…申请表交到考点"): where the region
 * collects the signed paper form, the site records the day it arrived; where the region says so, the final pass
 * needs it.
 */
@Component
class PaperForms {

    record Receipt(LocalDate receivedOn, String recordedBy, Instant recordedAt) {}

    private final JdbcClient jdbc;
    private final Registrations registrations;
    private final Campaigns campaigns;

    PaperForms(JdbcClient jdbc, Registrations registrations, Campaigns campaigns) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.campaigns = campaigns;
    }

    PaperApplicationForm requirement(String candidateNo) {
        Registration r = registrations.require(candidateNo);
        return campaigns.of(r.region(), r.examYear()).paperApplicationForm();
    }

    Optional<Receipt> receipt(String candidateNo) {
        return jdbc.sql("SELECT received_on, recorded_by, recorded_at FROM paper_form_receipt WHERE candidate_no = ?")
                .param(candidateNo)
                .query((rs, row) -> new Receipt(
                        rs.getDate("received_on").toLocalDate(),
                        rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .optional();
    }

    /** Records (or corrects) the day the form arrived; the region must collect it. */
    Receipt record(String candidateNo, LocalDate receivedOn, String reviewer, Instant now) {
        if (requirement(candidateNo) == PaperApplicationForm.NOT_COLLECTED) {
            throw DomainException.conflict("PAPER_FORM_NOT_COLLECTED", "本考区不收取纸质报名暨授予医师资格申请表，无需登记");
        }
        int updated = jdbc.sql("""
                        UPDATE paper_form_receipt SET received_on = ?, recorded_by = ?, recorded_at = ?
                         WHERE candidate_no = ?""")
                .params(java.sql.Date.valueOf(receivedOn), reviewer, Timestamp.from(now), candidateNo)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO paper_form_receipt (candidate_no, received_on, recorded_by, recorded_at)
                            VALUES (?, ?, ?, ?)""")
                    .params(candidateNo, java.sql.Date.valueOf(receivedOn), reviewer, Timestamp.from(now))
                    .update();
        }
        return new Receipt(receivedOn, reviewer, now);
    }

    void requireForFinalPass(String candidateNo) {
        if (requirement(candidateNo) == PaperApplicationForm.REQUIRED_FOR_FINAL_PASS
                && receipt(candidateNo).isEmpty()) {
            throw DomainException.unprocessable("PAPER_FORM_MISSING", "考点尚未登记收到该考生签字的报名暨授予医师资格申请表，终审不能通过");
        }
    }
}
