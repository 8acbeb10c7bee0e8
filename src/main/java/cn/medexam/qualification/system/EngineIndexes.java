package cn.medexam.qualification.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's schema lacks for what this application makes the engine do at 100,000 open cases (decision
 * 0024), created once the engine has made or checked its tables:
 * <ul>
 *   <li>Every task the engine completes or deletes looks for its subtasks ({@code select * from ACT_RU_TASK where
 *       PARENT_TASK_ID_ = ?}), which without an index reads the whole task table: 25-29 ms per completed task at
 *       50,000 open cases on PostgreSQL (camunda/camunda#36824).
 *   <li>The site's filter is ordered by the review task's follow-up date (the case's lock time, decision 0029),
 *       then its creation: with both in one index the list can read the queue in its order and stop after the page.
 *       The region's filter asks its tenant and the final review's key and is ordered by due date and creation
 *       (decision 0029): one range of an index in the list's order, which its count reads alone (suspension
 *       state, definition and id are in it too). The site's count, which has no tenant to ask (its cases share
 *       the region's), reads the site tasks' keys, tenant, state, definition and id from one more index without
 *       the table, and keeps those of its own group's links (decision 0030).
 *   <li>A query ordered by the case's {@code lockedAt} (as the reviewers' filters were before decisions 0026 and
 *       0029) joins that variable of every case by name and type, which read 25,000 table pages (one per case) for
 *       the region's list at 50,000 open cases. With name, type, execution and value in one index the join reads
 *       the index alone.
 *   <li>A queue's task grants and candidate-group links, read once per list or count ({@code TaskQueryGrants.xml}):
 *       the engine's indexes find a group's rows but not what they grant, so every grant of the region's group (one
 *       per case, 150,000 at 100,000 open cases) or the whole table was read for the 50,000 task grants. With
 *       grantee, resource type, type, permissions and resource id (decision 0025), and group, type and task for the
 *       links, both are one range of an index, read without the table.
 *   <li>The job executor's acquisition ({@code selectNextJobsToExecute}, due jobs by priority, decision 0028) read
 *       every job of the table and, for each due one, looked for a locked job of its process instance: 25 ms per
 *       acquisition at 20,000 jobs, one acquisition after another on deadline day, most of PostgreSQL's time.
 *       Priority lets the top of the queue be read in order and stop at the page, the due date finds the few due
 *       jobs among weeks of waiting timers, the lock expiry the few locked ones.
 * </ul>
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

    /** An index of this application's (QR_, not Camunda's ACT_) on a table of the engine's. */
    record Index(String name, String table, String columns) {}

    static final List<Index> INDEXES = List.of(
            new Index("QR_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_"),
            new Index("QR_IDX_TASK_FOLLOW_UP", "ACT_RU_TASK", "FOLLOW_UP_DATE_, CREATE_TIME_"),
            new Index(
                    "QR_IDX_TASK_TENANT_QUEUE",
                    "ACT_RU_TASK",
                    "TENANT_ID_, TASK_DEF_KEY_, DUE_DATE_, CREATE_TIME_, SUSPENSION_STATE_, PROC_DEF_ID_, ID_"),
            new Index(
                    "QR_IDX_TASK_KEY_COUNT",
                    "ACT_RU_TASK",
                    "TASK_DEF_KEY_, TENANT_ID_, SUSPENSION_STATE_, PROC_DEF_ID_, ID_"),
            new Index("QR_IDX_VAR_ORDER", "ACT_RU_VARIABLE", "NAME_, TYPE_, EXECUTION_ID_, LONG_"),
            new Index(
                    "QR_IDX_AUTH_GROUP_GRANTS",
                    "ACT_RU_AUTHORIZATION",
                    "GROUP_ID_, RESOURCE_TYPE_, TYPE_, PERMS_, RESOURCE_ID_"),
            new Index(
                    "QR_IDX_AUTH_USER_GRANTS",
                    "ACT_RU_AUTHORIZATION",
                    "USER_ID_, RESOURCE_TYPE_, TYPE_, PERMS_, RESOURCE_ID_"),
            new Index("QR_IDX_IDENT_GROUP_TASK", "ACT_RU_IDENTITYLINK", "GROUP_ID_, TYPE_, TASK_ID_"),
            new Index("QR_IDX_JOB_PRIORITY", "ACT_RU_JOB", "PRIORITY_"),
            new Index("QR_IDX_JOB_DUEDATE", "ACT_RU_JOB", "DUEDATE_"),
            new Index("QR_IDX_JOB_LOCK_EXPIRY", "ACT_RU_JOB", "LOCK_EXP_TIME_"));

    private DataSource dataSource;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        dataSource = configuration.getDataSource();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        INDEXES.forEach(this::create);
    }

    private void create(Index index) {
        if (exists(dataSource, index)) {
            return; // without a create: PostgreSQL locks the table for it even when the index exists
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create index if not exists " + index.name() + " on " + index.table() + " ("
                    + index.columns() + ")");
        } catch (SQLException e) {
            // another node starting at the same moment may have created it between our check and our create
            if (!exists(dataSource, index)) {
                throw new ProcessEngineException("could not create index " + index.name(), e);
            }
        }
    }

    static boolean exists(DataSource dataSource, Index index) {
        try (Connection connection = dataSource.getConnection();
                ResultSet indexes = connection
                        .getMetaData()
                        .getIndexInfo(null, null, table(connection, index.table()), false, false)) {
            while (indexes.next()) {
                if (index.name().equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The table name as the database stores it: PostgreSQL folds unquoted names to lower case, H2 to upper. */
    private static String table(Connection connection, String name) throws SQLException {
        return connection.getMetaData().storesLowerCaseIdentifiers() ? name.toLowerCase() : name;
    }
}
