package cn.medexam.qualification.checklist;

import cn.medexam.qualification.campaign.Region;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ChecklistRepository {

    private final JdbcClient jdbc;

    ChecklistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveDecision(String candidateNo, ChecklistDecision decision, Instant now) {
        int updated = jdbc.sql("""
                        UPDATE checklist_decision SET region = ?, eligible = ?, ineligible_reason = ?, offline_review = ?,
                               decided_at = ? WHERE candidate_no = ?""")
                .params(
                        decision.region().name(),
                        decision.eligible(),
                        decision.ineligibleReason(),
                        decision.offlineReview(),
                        Timestamp.from(now),
                        candidateNo)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO checklist_decision (region, eligible, ineligible_reason, offline_review, decided_at,
                                                            candidate_no) VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(
                            decision.region().name(),
                            decision.eligible(),
                            decision.ineligibleReason(),
                            decision.offlineReview(),
                            Timestamp.from(now),
                            candidateNo)
                    .update();
        }
    }

    record Eligibility(Region region, boolean eligible, String ineligibleReason, boolean offlineReview) {}

    Optional<Eligibility> eligibility(String candidateNo) {
        return jdbc.sql(
                        "SELECT region, eligible, ineligible_reason, offline_review FROM checklist_decision WHERE candidate_no = ?")
                .param(candidateNo)
                .query((rs, row) -> new Eligibility(
                        Region.valueOf(rs.getString("region")),
                        rs.getBoolean("eligible"),
                        rs.getString("ineligible_reason"),
                        rs.getBoolean("offline_review")))
                .optional();
    }

    record Item(String code, boolean required, int maxImages, boolean active) {}

    List<Item> items(String candidateNo) {
        return jdbc.sql("""
                        SELECT c.material_code, c.required, c.max_images, c.active
                          FROM checklist_item c JOIN material_type m ON m.code = c.material_code
                         WHERE c.candidate_no = ? ORDER BY m.sort_order""")
                .param(candidateNo)
                .query((rs, row) -> new Item(
                        rs.getString("material_code"),
                        rs.getBoolean("required"),
                        rs.getInt("max_images"),
                        rs.getBoolean("active")))
                .list();
    }

    /**
     * Makes the stored checklist the decided one: decided materials are (re)activated with their new terms,
     * materials no longer decided are kept inactive (their images stay, nobody reviews them).
     *
     * @return the codes that are required now and were not before
     */
    List<String> replace(String candidateNo, List<ChecklistEntry> decided, Instant now) {
        Map<String, Item> before =
                items(candidateNo).stream().collect(Collectors.toMap(Item::code, Function.identity()));
        Set<String> decidedCodes = decided.stream().map(ChecklistEntry::code).collect(Collectors.toSet());
        List<String> newlyRequired = new ArrayList<>();
        for (ChecklistEntry entry : decided) {
            Item old = before.get(entry.code());
            if (entry.required() && (old == null || !old.active() || !old.required())) {
                newlyRequired.add(entry.code());
            }
            if (old == null) {
                jdbc.sql("""
                                INSERT INTO checklist_item (candidate_no, material_code, required, max_images, active, decided_at)
                                VALUES (?, ?, ?, ?, TRUE, ?)""")
                        .params(candidateNo, entry.code(), entry.required(), entry.maxImages(), Timestamp.from(now))
                        .update();
            } else {
                jdbc.sql("""
                                UPDATE checklist_item SET required = ?, max_images = ?, active = TRUE, decided_at = ?
                                 WHERE candidate_no = ? AND material_code = ?""")
                        .params(entry.required(), entry.maxImages(), Timestamp.from(now), candidateNo, entry.code())
                        .update();
            }
        }
        before.keySet().stream()
                .filter(code -> !decidedCodes.contains(code))
                .forEach(code -> jdbc.sql(
                                "UPDATE checklist_item SET active = FALSE, decided_at = ? WHERE candidate_no = ? AND material_code = ?")
                        .params(Timestamp.from(now), candidateNo, code)
                        .update());
        return newlyRequired;
    }
}
