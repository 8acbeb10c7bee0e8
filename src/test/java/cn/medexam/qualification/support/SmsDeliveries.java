package cn.medexam.qualification.support;

import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A candidate's SMS on its way: its outbox row and the delivery process that sends it, looked up when asked. */
@Component
public class SmsDeliveries {

    private final JdbcClient jdbc;
    private final HistoryService historyService;
    private final ManagementService managementService;

    SmsDeliveries(JdbcClient jdbc, HistoryService historyService, ManagementService managementService) {
        this.jdbc = jdbc;
        this.historyService = historyService;
        this.managementService = managementService;
    }

    /** The candidate's SMS of that kind ({@code null}: their only SMS). */
    public Delivery of(Applicant applicant, String kind) {
        return new Delivery(applicant.candidateNo, kind);
    }

    public final class Delivery {

        private final String candidateNo;
        private final String kind;

        private Delivery(String candidateNo, String kind) {
            this.candidateNo = candidateNo;
            this.kind = kind;
        }

        public String outboxId() {
            return (kind == null
                            ? jdbc.sql("SELECT id FROM sms_outbox WHERE candidate_no = ?")
                                    .param(candidateNo)
                            : jdbc.sql("SELECT id FROM sms_outbox WHERE candidate_no = ? AND kind = ?")
                                    .params(candidateNo, kind))
                    .query(String.class)
                    .single();
        }

        public String instance() {
            return historyService
                    .createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(outboxId())
                    .processDefinitionKey("smsDelivery")
                    .singleResult()
                    .getId();
        }

        public Job job() {
            return managementService
                    .createJobQuery()
                    .processInstanceId(instance())
                    .singleResult();
        }

        /** One run of the delivery job, at its due time, as the job executor would. */
        public void attemptAtItsDueDate() {
            Job job = job();
            if (job.getDuedate() != null && job.getDuedate().after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(job.getDuedate());
            }
            managementService.executeJob(job.getId());
        }

        public String status() {
            return jdbc.sql("SELECT status FROM sms_outbox WHERE id = ?")
                    .param(outboxId())
                    .query(String.class)
                    .single();
        }

        public Instant sentAt() {
            return jdbc.sql("SELECT sent_at FROM sms_outbox WHERE id = ?")
                    .param(outboxId())
                    .query(Timestamp.class)
                    .single()
                    .toInstant();
        }
    }
}
