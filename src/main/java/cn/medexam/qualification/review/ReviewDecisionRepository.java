package cn.medexam.qualification.review;

import cn.medexam.qualification.checklist.MaterialCatalog;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReviewDecisionRepository {

    private final JdbcClient jdbc;
    private final MaterialCatalog materials;

    ReviewDecisionRepository(JdbcClient jdbc, MaterialCatalog materials) {
        this.jdbc = jdbc;
        this.materials = materials;
    }

    void record(String candidateNo, ReviewStage stage, Verdict verdict, String reviewer, Instant now) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO review_decision (id, candidate_no, stage, outcome, reason, reviewer, decided_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        candidateNo,
                        stage.name(),
                        verdict.outcome().name(),
                        verdict.reason(),
                        reviewer,
                        Timestamp.from(now))
                .update();
        verdict.returns()
                .forEach((code, reason) -> jdbc.sql(
                                "INSERT INTO material_return (decision_id, material_code, reason) VALUES (?, ?, ?)")
                        .params(id, code, reason)
                        .update());
        verdict.notes()
                .forEach((code, note) -> jdbc.sql(
                                "INSERT INTO material_note (decision_id, material_code, note) VALUES (?, ?, ?)")
                        .params(id, code, note)
                        .update());
    }

    /** How often the site returned the candidate's materials: the site review open now is round this + 1. */
    int siteReturns(String candidateNo) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM review_decision
                         WHERE candidate_no = ? AND stage = 'SITE' AND outcome = 'RETURN'""").param(candidateNo).query(Integer.class).single();
    }

    /** The site's latest pass (site, paper or on-site review) with its notes per material, for the region. */
    Optional<ReviewCaseController.SiteReview> latestSitePass(String candidateNo) {
        return jdbc
                .sql("""
                        SELECT id, stage, reviewer, decided_at FROM review_decision
                         WHERE candidate_no = ? AND stage IN ('SITE', 'OFFLINE', 'ON_SITE') AND outcome = 'PASS'
                         ORDER BY seq DESC""")
                .param(candidateNo)
                .query((rs, row) -> new ReviewCaseController.SiteReview(
                        rs.getString("stage"),
                        rs.getString("reviewer"),
                        rs.getTimestamp("decided_at").toInstant(),
                        notes(rs.getString("id"))))
                .list()
                .stream()
                .findFirst();
    }

    private Map<String, String> notes(String decisionId) {
        Map<String, String> notes = new LinkedHashMap<>();
        jdbc.sql("SELECT material_code, note FROM material_note WHERE decision_id = ? ORDER BY material_code")
                .param(decisionId)
                .query(rs -> {
                    notes.put(rs.getString("material_code"), rs.getString("note"));
                });
        return notes;
    }

    Optional<Instant> latestReturnAt(String candidateNo) {
        return latestDecisionAt(candidateNo, ReviewOutcome.RETURN);
    }

    Optional<Instant> latestDecisionAt(String candidateNo, ReviewOutcome outcome) {
        return jdbc
                .sql("SELECT decided_at FROM review_decision WHERE candidate_no = ? AND outcome = ? ORDER BY seq DESC")
                .params(candidateNo, outcome.name())
                .query((rs, row) -> rs.getTimestamp("decided_at").toInstant())
                .list()
                .stream()
                .findFirst();
    }

    /** The materials of the candidate's latest RETURN with their reasons, in the order of the material catalogue. */
    Map<String, String> latestReturns(String candidateNo) {
        Optional<String> latest = jdbc.sql("""
                        SELECT id FROM review_decision WHERE candidate_no = ? AND outcome = 'RETURN'
                         ORDER BY seq DESC""").param(candidateNo).query(String.class).list().stream()
                .findFirst();
        Map<String, String> reasons = new HashMap<>();
        latest.ifPresent(id -> jdbc.sql("SELECT material_code, reason FROM material_return WHERE decision_id = ?")
                .param(id)
                .query(rs -> {
                    reasons.put(rs.getString("material_code"), rs.getString("reason"));
                }));
        Map<String, String> returns = new LinkedHashMap<>();
        for (String code : materials.names().keySet()) {
            if (reasons.containsKey(code)) {
                returns.put(code, reasons.get(code));
            }
        }
        return returns;
    }
}
