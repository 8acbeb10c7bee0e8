package cn.medexam.qualification.system;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one clock of the application: the engine's. Timestamps written by the application and the timers of the
 * process then agree, and tests move both by moving {@link ClockUtil}.
 */
@Component
public class EngineClock {

    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
