package cn.medexam.qualification.campaign;

import camundajar.impl.com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.batch.AbstractBatchConfigurationObjectConverter;
import org.camunda.bpm.engine.impl.batch.AbstractBatchJobHandler;
import org.camunda.bpm.engine.impl.batch.BatchConfiguration;
import org.camunda.bpm.engine.impl.batch.BatchJobContext;
import org.camunda.bpm.engine.impl.batch.BatchJobDeclaration;
import org.camunda.bpm.engine.impl.batch.BatchJobHandler;
import org.camunda.bpm.engine.impl.batch.builder.BatchBuilder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobDeclaration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.JsonUtil;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The engine batch that moves a campaign's waiting timers after its dates changed: each batch job takes
 * {@link #CASES_PER_JOB} running cases and, in one transaction, recalculates every timer of each (their dates are
 * expressions over the campaign, {@link CampaignCalendar}) and the due date of its open tasks. The batch jobs run on
 * the job executor of every node, in parallel; Cockpit → Batches shows them, table {@code campaign_timer_move} counts
 * the cases, timers and due dates done ({@link TimerMoves}).
 */
@Component
class MoveCampaignTimersJobHandler extends AbstractProcessEnginePlugin {

    static final String TYPE = "qr-move-campaign-timers";

    /** Cases per batch job: small enough to spread a province over the executor's threads, large enough to batch SQL. */
    static final int CASES_PER_JOB = 50;

    private final TimerMoves moves;

    MoveCampaignTimersJobHandler(@Lazy TimerMoves moves) {
        this.moves = moves;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BatchJobHandler<?>> handlers = new ArrayList<>();
        if (configuration.getCustomBatchJobHandlers() != null) {
            handlers.addAll(configuration.getCustomBatchJobHandlers());
        }
        handlers.add(new Handler());
        configuration.setCustomBatchJobHandlers(handlers);
        Map<String, Integer> invocations = new HashMap<>();
        if (configuration.getInvocationsPerBatchJobByBatchType() != null) {
            invocations.putAll(configuration.getInvocationsPerBatchJobByBatchType());
        }
        invocations.put(TYPE, CASES_PER_JOB);
        configuration.setInvocationsPerBatchJobByBatchType(invocations);
    }

    /** Creates the batch over these process instances (in the caller's transaction). */
    record CreateBatch(List<String> processInstanceIds, String processDefinitionKey) implements Command<Batch> {

        @Override
        public Batch execute(CommandContext context) {
            return new BatchBuilder(context)
                    .type(TYPE)
                    .config(new BatchConfiguration(new ArrayList<>(processInstanceIds)))
                    .permission(Permissions.CREATE)
                    .operationLogHandler((ctx, instances) -> ctx.getOperationLogManager()
                            .logJobOperation(
                                    UserOperationLogEntry.OPERATION_TYPE_RECALC_DUEDATE,
                                    null,
                                    null,
                                    null,
                                    null,
                                    processDefinitionKey,
                                    List.of(
                                            new PropertyChange("nrOfInstances", null, instances),
                                            new PropertyChange("async", null, true))))
                    .build();
        }
    }

    private final class Handler extends AbstractBatchJobHandler<BatchConfiguration> {

        private static final BatchJobDeclaration JOB_DECLARATION = new BatchJobDeclaration(TYPE);

        @Override
        public String getType() {
            return TYPE;
        }

        @Override
        public JobDeclaration<BatchJobContext, MessageEntity> getJobDeclaration() {
            return JOB_DECLARATION;
        }

        @Override
        protected BatchConfiguration createJobConfiguration(BatchConfiguration configuration, List<String> ids) {
            return new BatchConfiguration(new ArrayList<>(ids));
        }

        @Override
        protected void executeHandler(
                BatchConfiguration configuration, ExecutionEntity execution, CommandContext context, String tenantId) {
            int timers = 0;
            List<String> tasks = new ArrayList<>();
            for (String processInstanceId : configuration.getIds()) {
                for (JobEntity job : context.getJobManager().findJobsByProcessInstanceId(processInstanceId)) {
                    if (job instanceof TimerEntity) {
                        context.executeWithOperationLogPrevented(new RecalculateJobDuedateCmd(job.getId(), false));
                        timers++;
                    }
                }
                context.getTaskManager().findTasksByProcessInstanceId(processInstanceId).stream()
                        .map(task -> task.getId())
                        .forEach(tasks::add);
            }
            int dueDates = new RecalculateTaskDueDates(tasks).execute(context);
            moves.record(configuration.getBatchId(), configuration.getIds().size(), timers, dueDates);
        }

        @Override
        protected AbstractBatchConfigurationObjectConverter<BatchConfiguration> getJsonConverterInstance() {
            return Converter.INSTANCE;
        }
    }

    private static final class Converter extends AbstractBatchConfigurationObjectConverter<BatchConfiguration> {

        static final Converter INSTANCE = new Converter();
        private static final String PROCESS_INSTANCE_IDS = "processInstanceIds";

        @Override
        public JsonObject writeConfiguration(BatchConfiguration configuration) {
            JsonObject json = JsonUtil.createObject();
            JsonUtil.addListField(json, PROCESS_INSTANCE_IDS, configuration.getIds());
            return json;
        }

        @Override
        public BatchConfiguration readConfiguration(JsonObject json) {
            return new BatchConfiguration(JsonUtil.asStringList(JsonUtil.getArray(json, PROCESS_INSTANCE_IDS)));
        }
    }
}
