package cn.medexam.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.system.CaseActivities;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;

/** The activity ids the code and the tests name ({@link CaseActivities}) are activities of the diagram, each named once. */
class CaseActivitiesTest {

    @Test
    void everyActivityIdTheTestsNameIsAFlowNodeOfTheDiagram() {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/qualification-review.bpmn"));
        var ids = Arrays.stream(CaseActivities.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()))
                .map(CaseActivitiesTest::value)
                .toList();

        assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
        assertThat(ids)
                .allSatisfy(id -> assertThat(model.<FlowNode>getModelElementById(id))
                        .as(id)
                        .isInstanceOf(FlowNode.class));
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
