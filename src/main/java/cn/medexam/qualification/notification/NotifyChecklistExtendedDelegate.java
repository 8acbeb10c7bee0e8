package cn.medexam.qualification.notification;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Service task 通知考生补充新增材料: the registration changed and the checklist now requires more. */
@Component("notifyChecklistExtended")
class NotifyChecklistExtendedDelegate extends NotificationDelegate {

    private final CaseFacts facts;

    NotifyChecklistExtendedDelegate(Notifier notifier, CaseFacts facts) {
        super(notifier);
        this.facts = facts;
    }

    @Override
    String kind(DelegateExecution execution) {
        return "CHECKLIST_EXTENDED";
    }

    @Override
    Map<String, String> data(DelegateExecution execution) {
        return Map.of("materials", facts.materialNames((String) execution.getVariable("newMaterials")));
    }
}
