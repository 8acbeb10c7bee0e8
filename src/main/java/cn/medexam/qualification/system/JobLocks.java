package cn.medexam.qualification.system;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long a node holds a job it took, by kind of job: the time another node waits before it runs the jobs of a
 * node that died holding them. Camunda 7 locks every job for one lock time per job executor
 * ({@code camunda.bpm.job-execution.lock-time-in-millis}, set in the acquisition, {@code AcquireJobsCmd.lockJob});
 * the engine has no lock per job type and never renews a lock, so a job that outlives its lock may be taken and
 * run a second time by another node (the first commit wins, the other rolls back on its optimistic lock). Hence:
 * <ul>
 *   <li>work of a case, a job that belongs to a process instance (timers, SMS deliveries, asynchronous steps):
 *       the executor's lock time, 1 minute in application.yaml. Each such job runs in milliseconds, an SMS delivery
 *       in at most its connect and read timeouts per call to the provider (3 s + 5 s);</li>
 *   <li>the engine's housekeeping, a job of no process instance (history cleanup, the seed, execution and monitor
 *       jobs of batches): {@code qr.job-locks.housekeeping}, 5 minutes, as each deletes or changes hundreds of rows
 *       at a time.</li>
 * </ul>
 * Installed as the executor's acquisition command; the engine's own follow-up of an exclusive job of the same
 * process instance ({@code JobManager.hintJobExecutor}) locks with the executor's lock time, which is the case
 * work's. (A job executor stopped and started again through JMX comes back with the engine's own acquisition and
 * one lock time for all, until the application restarts.) Also names the node: its lock owner and the job log's host name are {@link NodeName}.
 */
@Component
public class JobLocks extends AbstractProcessEnginePlugin {

    private final NodeName node;
    private final Duration housekeeping;

    JobLocks(NodeName node, @Value("${qr.job-locks.housekeeping:PT5M}") Duration housekeeping) {
        this.node = node;
        this.housekeeping = housekeeping;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHostname(node.value());
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        JobExecutor executor = configuration.getJobExecutor();
        if (executor != null) {
            executor.setLockOwner(node.value());
            install(executor, housekeeping);
        }
    }

    /** Makes this executor lock each job it acquires for its kind's time. */
    public static void install(JobExecutor executor, Duration housekeeping) {
        executor.setAcquireJobsCmdFactory(
                numJobs -> new AcquireWithLockPerKind(executor, numJobs, housekeeping.toMillis()));
    }

    static final class AcquireWithLockPerKind extends AcquireJobsCmd {

        private final long housekeepingMillis;

        AcquireWithLockPerKind(JobExecutor executor, int numJobs, long housekeepingMillis) {
            super(executor, numJobs);
            this.housekeepingMillis = housekeepingMillis;
        }

        @Override
        protected void lockJob(AcquirableJobEntity job) {
            super.lockJob(job);
            if (job.getProcessInstanceId() == null) {
                job.setLockExpirationTime(new Date(ClockUtil.getCurrentTime().getTime() + housekeepingMillis));
            }
        }
    }
}
