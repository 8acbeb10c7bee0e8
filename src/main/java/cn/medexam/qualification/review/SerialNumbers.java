package cn.medexam.qualification.review;

import cn.medexam.qualification.campaign.CampaignCreated;
import cn.medexam.qualification.campaign.Campaigns;
import cn.medexam.qualification.campaign.Region;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 序列号: year, the region's division code and a six-digit number, e.g. 202737000123. Unique per region and year:
 * the counter row's UPDATE locks it until the assigning transaction ends, so two reviewers passing candidates at
 * once queue there and never share a number. A rolled-back step leaves a gap, which is allowed.
 */
@Component
public class SerialNumbers {

    private final JdbcClient jdbc;
    private final Campaigns campaigns;

    SerialNumbers(JdbcClient jdbc, Campaigns campaigns) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    public Optional<String> of(String candidateNo) {
        return jdbc.sql("SELECT serial FROM serial_number WHERE candidate_no = ?")
                .param(candidateNo)
                .query(String.class)
                .optional();
    }

    /** The candidate's serial number, assigned now if they have none yet (a re-passed case keeps its number). */
    public String assign(String candidateNo, Region region, int examYear, Instant now) {
        Optional<String> existing = of(candidateNo);
        if (existing.isPresent()) {
            return existing.get();
        }
        int counted = jdbc.sql(
                        "UPDATE serial_counter SET last_value = last_value + 1 WHERE region = ? AND exam_year = ?")
                .params(region.name(), examYear)
                .update();
        if (counted == 0) {
            throw new IllegalStateException("no serial counter for campaign " + region + " " + examYear);
        }
        long next = jdbc.sql("SELECT last_value FROM serial_counter WHERE region = ? AND exam_year = ?")
                .params(region.name(), examYear)
                .query(Long.class)
                .single();
        String division = campaigns.divisionCode(region);
        String serial = String.format("%d%s%06d", examYear, division, next);
        jdbc.sql(
                        "INSERT INTO serial_number (candidate_no, region, exam_year, serial, assigned_at) VALUES (?, ?, ?, ?, ?)")
                .params(candidateNo, region.name(), examYear, serial, Timestamp.from(now))
                .update();
        return serial;
    }

    @EventListener
    void startCounting(CampaignCreated campaign) {
        jdbc.sql("INSERT INTO serial_counter (region, exam_year, last_value) VALUES (?, ?, 0)")
                .params(campaign.region().name(), campaign.examYear())
                .update();
    }
}
