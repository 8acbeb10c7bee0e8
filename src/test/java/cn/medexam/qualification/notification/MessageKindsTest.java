package cn.medexam.qualification.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.support.EngineTest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The messages the diagram sends, the kinds the code knows and the templates in the database are one list: a kind in
 * one place and not the others fails here, not on a candidate's deadline day.
 */
@EngineTest
class MessageKindsTest {

    private static final String NOTIFY = "${notifyCandidate}";

    @Autowired
    JdbcClient jdbc;

    BpmnModelInstance process = Bpmn.readModelFromStream(
            MessageKindsTest.class.getResourceAsStream("/processes/qualification-review.bpmn"));

    @Test
    void everyNotificationTaskNamesAKindTheCodeKnows() {
        List<ServiceTask> notifications = process.getModelElementsByType(ServiceTask.class).stream()
                .filter(task -> NOTIFY.equals(task.getCamundaDelegateExpression()))
                .toList();

        assertThat(notifications)
                .isNotEmpty()
                .allSatisfy(task -> assertThat(messageKind(task))
                        .as("input parameter messageKind of %s", task.getId())
                        .isIn(kindsInCode()));
    }

    @Test
    void theDiagramTheCodeAndTheTemplatesNameTheSameKinds() {
        Set<String> inTheDiagram = process.getModelElementsByType(ServiceTask.class).stream()
                .filter(task -> NOTIFY.equals(task.getCamundaDelegateExpression()))
                .map(MessageKindsTest::messageKind)
                .collect(Collectors.toSet());
        Set<String> templates = Set.copyOf(jdbc.sql("SELECT kind FROM message_template WHERE kind <> 'ACTIVATION_CODE'")
                .query(String.class)
                .list());

        assertThat(inTheDiagram).isEqualTo(kindsInCode());
        assertThat(templates).isEqualTo(kindsInCode());
    }

    private static Set<String> kindsInCode() {
        return Arrays.stream(MessageKind.values()).map(Enum::name).collect(Collectors.toSet());
    }

    private static String messageKind(ServiceTask task) {
        CamundaInputOutput io = task.getExtensionElements() == null
                ? null
                : task.getExtensionElements()
                        .getElementsQuery()
                        .filterByType(CamundaInputOutput.class)
                        .singleResult();
        return io == null
                ? null
                : io.getCamundaInputParameters().stream()
                        .filter(parameter -> NotifyCandidateDelegate.MESSAGE_KIND.equals(parameter.getCamundaName()))
                        .map(CamundaInputParameter::getTextContent)
                        .findFirst()
                        .orElse(null);
    }
}
