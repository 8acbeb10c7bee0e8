package cn.medexam.qualification.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells PostgreSQL at once what a mass change of due dates did to the engine's job table (decision 0028). The job
 * executor's acquisition is planned from the table's statistics: while they say that every job is due in weeks,
 * PostgreSQL reads all due jobs and sorts them by priority; once they know that thousands are due, it reads the
 * top of the priority index and stops at the page (20 ms against 0.3 ms per acquisition at 10,000 due cases).
 * Autovacuum would analyze the table within a minute or so; deadline day is over in about as long.
 */
@Component
public class JobStatistics {

    private static final Logger log = LoggerFactory.getLogger(JobStatistics.class);

    private final DataSource dataSource;
    private final ManagementService managementService;

    JobStatistics(DataSource dataSource, ManagementService managementService) {
        this.dataSource = dataSource;
        this.managementService = managementService;
    }

    /** After many jobs' due dates changed; outside a transaction. Elsewhere than on PostgreSQL it does nothing. */
    public void refreshAfterDueDatesMoved() {
        try (Connection connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE " + managementService.getTableName(Job.class));
            }
        } catch (SQLException e) {
            // statistics are an optimisation: autovacuum brings them up to date later
            log.warn("could not analyze the job table after a timer move: {}", e.getMessage());
        }
    }
}
