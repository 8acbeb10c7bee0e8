package cn.medexam.qualification.campaign;

import java.util.Collection;
import java.util.Date;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Re-evaluates the {@code camunda:dueDate} expression of open user tasks, so that a task's due date in Tasklist
 * moves with the campaign date it is drawn from, as the timers do.
 */
class RecalculateTaskDueDates implements Command<Integer> {

    private final Collection<String> taskIds;

    RecalculateTaskDueDates(Collection<String> taskIds) {
        this.taskIds = taskIds;
    }

    @Override
    public Integer execute(CommandContext context) {
        int moved = 0;
        for (String taskId : taskIds) {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            Expression dueDate = task == null || task.getTaskDefinition() == null
                    ? null
                    : task.getTaskDefinition().getDueDateExpression();
            if (dueDate == null) {
                continue;
            }
            Date due = (Date) dueDate.getValue(task.getExecution());
            if (!due.equals(task.getDueDate())) {
                task.setDueDate(due);
                task.triggerUpdateEvent();
                moved++;
            }
        }
        return moved;
    }
}
