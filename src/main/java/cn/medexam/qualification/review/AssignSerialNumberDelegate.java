package cn.medexam.qualification.review;

import cn.medexam.qualification.campaign.Region;
import cn.medexam.qualification.system.CaseVariables;
import cn.medexam.qualification.system.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task 分配序列号: the site review passed; the candidate sees the number on the registration notice. */
@Component("assignSerialNumber")
class AssignSerialNumberDelegate implements JavaDelegate {

    private final SerialNumbers serialNumbers;
    private final EngineClock clock;

    AssignSerialNumberDelegate(SerialNumbers serialNumbers, EngineClock clock) {
        this.serialNumbers = serialNumbers;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String serial = serialNumbers.assign(
                execution.getProcessBusinessKey(),
                Region.valueOf((String) execution.getVariable(CaseVariables.REGION)),
                (Integer) execution.getVariable(CaseVariables.EXAM_YEAR),
                clock.now());
        execution.setVariable(CaseVariables.SERIAL_NUMBER, serial);
    }
}
