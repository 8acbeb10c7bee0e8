package cn.medexam.qualification.documents;

import cn.medexam.qualification.campaign.CampaignCreated;
import cn.medexam.qualification.campaign.Region;
import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.system.DomainException;
import cn.medexam.qualification.system.EngineClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 真实性承诺: in campaigns that ask for it (Hunan), the candidate confirms their region's pledge text before
 * submitting; the submission of a round without a pledge given in that round is refused (422 PLEDGE_REQUIRED). The
 * warning that false materials are dealt with under 《医师资格考试违纪违规规定》 (Shandong's) is shown in every region.
 */
@Service
public class TruthfulnessPledges {

    /** Shandong's notice (seed 003), shown to every candidate of every region beside the upload. */
    public static final String WARNING = "提示：考生上传材料照片需保证信息真实、准确、完整、有效。如有虚假材料，将按照《医师资格考试违纪违规规定》相关条款进行处理。";

    /** What the candidate's page shows. {@code given}: a pledge counts for the open submission round. */
    public record Status(boolean required, String text, String warning, Instant pledgedAt, boolean given) {}

    /** The pledge as reviewers see it. */
    public record Pledge(Instant pledgedAt, String text) {}

    private final JdbcClient jdbc;
    private final Registrations registrations;
    private final EngineClock clock;

    TruthfulnessPledges(JdbcClient jdbc, Registrations registrations, EngineClock clock) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.clock = clock;
    }

    /** Whether the campaign asks for the pledge. */
    public boolean required(Region region, int examYear) {
        return jdbc.sql("SELECT required FROM campaign_pledge WHERE region = ? AND exam_year = ?")
                .params(region.name(), examYear)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    public String text(Region region) {
        return jdbc.sql("SELECT text FROM pledge_text WHERE region = ?")
                .param(region.name())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("no pledge text for region " + region));
    }

    /** The candidate's latest pledge, if any. */
    public Optional<Pledge> latest(String candidateNo) {
        return jdbc.sql("SELECT pledged_at, pledge_text FROM truthfulness_pledge WHERE candidate_no = ?")
                .param(candidateNo)
                .query((rs, row) -> new Pledge(rs.getTimestamp("pledged_at").toInstant(), rs.getString("pledge_text")))
                .optional();
    }

    Status status(String candidateNo, Optional<Task> openRound) {
        Registration registration = registrations.require(candidateNo);
        boolean required = required(registration.region(), registration.examYear());
        Optional<Pledge> latest = latest(candidateNo);
        return new Status(
                required,
                text(registration.region()),
                WARNING,
                latest.map(Pledge::pledgedAt).orElse(null),
                latest.isPresent()
                        && openRound.map(task -> covers(latest.get(), task)).orElse(false));
    }

    /** Records the pledge now, with the text the candidate read; a second pledge replaces the first. */
    @Transactional
    void give(String candidateNo) {
        Registration registration = registrations.require(candidateNo);
        String text = text(registration.region());
        Timestamp now = Timestamp.from(clock.now());
        int updated = jdbc.sql("UPDATE truthfulness_pledge SET pledged_at = ?, pledge_text = ? WHERE candidate_no = ?")
                .params(now, text, candidateNo)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO truthfulness_pledge (candidate_no, pledged_at, pledge_text) VALUES (?, ?, ?)")
                    .params(candidateNo, now, text)
                    .update();
        }
    }

    /** Refuses the submission of this round when the campaign asks for a pledge that was not given in it. */
    void requireFor(String candidateNo, Task round) {
        Registration registration = registrations.require(candidateNo);
        if (!required(registration.region(), registration.examYear())) {
            return;
        }
        if (latest(candidateNo).filter(pledge -> covers(pledge, round)).isEmpty()) {
            throw DomainException.unprocessable("PLEDGE_REQUIRED", "提交审核前，请先阅读并确认《考生承诺》：本人上传的报名资料真实、准确、完整、有效");
        }
    }

    /** Setting of a campaign (administrators). */
    @Transactional
    void setRequired(Region region, int examYear, boolean required) {
        int updated = jdbc.sql("UPDATE campaign_pledge SET required = ? WHERE region = ? AND exam_year = ?")
                .params(required, region.name(), examYear)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO campaign_pledge (region, exam_year, required) VALUES (?, ?, ?)")
                    .params(region.name(), examYear, required)
                    .update();
        }
    }

    /** A new campaign asks for the pledge as its region's latest campaign did. */
    @EventListener
    void newCampaign(CampaignCreated campaign) {
        boolean required = jdbc
                .sql("SELECT required FROM campaign_pledge WHERE region = ? AND exam_year < ? ORDER BY exam_year DESC")
                .params(campaign.region().name(), campaign.examYear())
                .query(Boolean.class)
                .list()
                .stream()
                .findFirst()
                .orElse(false);
        setRequired(campaign.region(), campaign.examYear(), required);
    }

    /** A pledge counts for the round whose upload task opened before it was given. */
    private static boolean covers(Pledge pledge, Task round) {
        return round.getCreateTime() == null
                || !pledge.pledgedAt().isBefore(round.getCreateTime().toInstant());
    }
}
