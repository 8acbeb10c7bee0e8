package cn.medexam.qualification.documents;

import cn.medexam.qualification.checklist.Checklists;
import cn.medexam.qualification.system.CaseVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service tasks 核验必需材料 and 核验补传材料: every required material of the current checklist has at least one
 * image, and every material the latest review returned has an image other than those it was returned with. If not,
 * the BPMN error MATERIALS_MISSING sends the candidate back to the upload task, with the missing codes in variable
 * {@code missingMaterials} and the returned ones not replaced in {@code notReplacedMaterials}. The candidate API refuses such a submission before it gets here;
 * this is the process's own guarantee.
 */
@Component("verifyRequiredMaterials")
class VerifyRequiredMaterialsDelegate implements JavaDelegate {

    static final String MATERIALS_MISSING = "MATERIALS_MISSING";

    private final Checklists checklists;
    private final DocumentStore store;

    VerifyRequiredMaterialsDelegate(Checklists checklists, DocumentStore store) {
        this.checklists = checklists;
        this.store = store;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String candidateNo = execution.getProcessBusinessKey();
        Map<String, Integer> counts = store.imageCounts(candidateNo);
        List<String> missing = checklists.requiredCodes(candidateNo).stream()
                .filter(code -> counts.getOrDefault(code, 0) == 0)
                .toList();
        List<String> notReplaced = store.notReplaced(candidateNo);
        execution.setVariable(CaseVariables.MISSING_MATERIALS, String.join(",", missing));
        execution.setVariable(CaseVariables.NOT_REPLACED_MATERIALS, String.join(",", notReplaced));
        if (!missing.isEmpty() || !notReplaced.isEmpty()) {
            throw new BpmnError(
                    MATERIALS_MISSING,
                    "required materials without images: " + missing + ", returned ones not replaced: " + notReplaced);
        }
    }
}
