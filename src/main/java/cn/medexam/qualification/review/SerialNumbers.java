package cn.medexam.qualification.review;

import cn.medexam.qualification.campaign.CampaignCreated;
import cn.medexam.qualification.campaign.Campaigns;
import cn.medexam.qualification.campaign.Region;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 序列号: year, the region's division code and a six-digit number, e.g. 202737000123. Unique per region and year:
 * the counter row's UPDATE locks it, so two reviewers passing candidates at once never share a number. The number
 * is counted in a transaction of its own, on a connection pool of its own, which commits at once (decision 0022):
 * in the pass's transaction the lock would be held until the whole pass commits, and every pass of the region would
 * wait for the one before it. A pass that rolls back leaves a gap, which is allowed.
 */
@Component
public class SerialNumbers implements DisposableBean {

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final HikariDataSource counterPool;
    private final JdbcClient counter;
    private final TransactionTemplate counterTransaction;

    SerialNumbers(JdbcClient jdbc, Campaigns campaigns, DataSourceProperties dataSource) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        // not a bean: the application's one DataSource stays the one Spring Boot configures
        this.counterPool = dataSource
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        counterPool.setPoolName("serial-numbers");
        counterPool.setMaximumPoolSize(2);
        counterPool.setMinimumIdle(0);
        this.counter = JdbcClient.create(counterPool);
        this.counterTransaction = new TransactionTemplate(new DataSourceTransactionManager(counterPool));
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
        long next = count(region, examYear);
        String division = campaigns.divisionCode(region);
        String serial = String.format("%d%s%06d", examYear, division, next);
        jdbc.sql(
                        "INSERT INTO serial_number (candidate_no, region, exam_year, serial, assigned_at) VALUES (?, ?, ?, ?, ?)")
                .params(candidateNo, region.name(), examYear, serial, Timestamp.from(now))
                .update();
        return serial;
    }

    private long count(Region region, int examYear) {
        return counterTransaction.execute(status -> {
            int counted = counter.sql(
                            "UPDATE serial_counter SET last_value = last_value + 1 WHERE region = ? AND exam_year = ?")
                    .params(region.name(), examYear)
                    .update();
            if (counted == 0) {
                throw new IllegalStateException("no serial counter for campaign " + region + " " + examYear);
            }
            return counter.sql("SELECT last_value FROM serial_counter WHERE region = ? AND exam_year = ?")
                    .params(region.name(), examYear)
                    .query(Long.class)
                    .single();
        });
    }

    @Override
    public void destroy() {
        counterPool.close();
    }

    @EventListener
    void startCounting(CampaignCreated campaign) {
        jdbc.sql("INSERT INTO serial_counter (region, exam_year, last_value) VALUES (?, ?, 0)")
                .params(campaign.region().name(), campaign.examYear())
                .update();
    }
}
