package cn.medexam.qualification.office;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Adds {@link ProgressHistoryHandler} beside the engine's own database history handler. */
@Component
class ProgressEnginePlugin extends AbstractProcessEnginePlugin {

    private final ProgressHistoryHandler handler;

    ProgressEnginePlugin(ProgressHistoryHandler handler) {
        this.handler = handler;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        // the Camunda starter adds a HistoryEventHandler bean by itself (DefaultHistoryConfiguration): once only
        if (!handlers.contains(handler)) {
            handlers.add(handler);
        }
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(true);
    }
}
