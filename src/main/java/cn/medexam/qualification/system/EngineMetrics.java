package cn.medexam.qualification.system;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The engine's health for the office's monitoring ({@code /actuator/prometheus}): its job executor's counters (the
 * engine's own metrics: what it has written to its meter log plus what it counted since) and the open incidents.
 */
@Component
class EngineMetrics implements MeterBinder {

    private final ProcessEngine engine;

    EngineMetrics(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "camunda.jobs.acquired", Metrics.JOB_ACQUIRED_SUCCESS, "jobs the job executor acquired");
        counter(
                registry,
                "camunda.jobs.acquisition.failed",
                Metrics.JOB_ACQUIRED_FAILURE,
                "jobs the job executor could not acquire (another node locked them)");
        counter(registry, "camunda.jobs.executed", Metrics.JOB_SUCCESSFUL, "jobs executed successfully");
        counter(registry, "camunda.jobs.failed", Metrics.JOB_FAILED, "job executions that failed");
        counter(
                registry,
                "camunda.jobs.rejected",
                Metrics.JOB_EXECUTION_REJECTED,
                "jobs rejected by a full job executor queue");
        RuntimeService runtime = engine.getRuntimeService();
        Gauge.builder(
                        "camunda.incidents.open",
                        runtime,
                        r -> r.createIncidentQuery().count())
                .description("open incidents (failed jobs out of retries, among them SMS deliveries), see Cockpit")
                .register(registry);
        ManagementService management = engine.getManagementService();
        Gauge.builder(
                        "camunda.jobs.due",
                        management,
                        m -> m.createJobQuery().executable().count())
                .description("jobs due now and with retries left (the job executor's backlog)")
                .register(registry);
    }

    private void counter(MeterRegistry registry, String name, String engineMetric, String description) {
        FunctionCounter.builder(name, engine, e -> total(e, engineMetric))
                .description(description)
                .register(registry);
    }

    /** What the engine reported to its meter log (every node's) plus what this node counted since its last report. */
    private static double total(ProcessEngine engine, String metric) {
        long reported =
                engine.getManagementService().createMetricsQuery().name(metric).sum();
        Meter meter = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getMetricsRegistry()
                .getDbMeterByName(metric);
        return reported + (meter == null ? 0 : meter.get());
    }
}
