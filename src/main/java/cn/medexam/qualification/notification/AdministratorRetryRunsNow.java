package cn.medexam.qualification.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * An administrator's retry of a failed SMS runs now. When its retries ran out, the delivery job kept the due date of
 * the last step of its retry cycle (hours away); Cockpit's incident retry ({@code PUT /job/{id}/retries}
 * {@code {"retries":1}}) keeps that date by default. Raising the retries of a job from 0 resolves its failedJob
 * incident inside {@code SetJobRetriesCmd}; this handler then makes a job of process smsDelivery due now, so the
 * next acquisition sends it. A due date the administrator gives in the same request still wins (the command sets it
 * after the retries). No other command is let through: {@code SetJobDuedateCmd} stays refused to people
 * ({@link cn.medexam.qualification.system.EngineWriteGuard}); jobs of other processes keep their due dates.
 */
@Component
class AdministratorRetryRunsNow extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<IncidentHandler> handlers = new ArrayList<>();
        if (configuration.getCustomIncidentHandlers() != null) {
            handlers.addAll(configuration.getCustomIncidentHandlers());
        }
        handlers.add(new FailedJobHandler());
        configuration.setCustomIncidentHandlers(handlers);
    }

    /** The engine's failedJob incident handler, plus: a resolved SMS delivery incident makes its job due now. */
    static final class FailedJobHandler extends DefaultIncidentHandler {

        FailedJobHandler() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        public void resolveIncident(IncidentContext context) {
            super.resolveIncident(context);
            if (context.getConfiguration() == null || Context.getCommandContext() == null) {
                return;
            }
            JobEntity job = Context.getCommandContext().getJobManager().findJobById(context.getConfiguration());
            if (job != null
                    && job.getRetries() == 0
                    && SmsOutbox.DELIVERY_PROCESS.equals(job.getProcessDefinitionKey())) {
                job.setDuedate(ClockUtil.getCurrentTime());
            }
        }
    }
}
