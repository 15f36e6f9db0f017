package cn.chuangwei.task;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creation of a unit task or its review in {@code phase.bpmn}: the row's id becomes a variable of the task itself, so
 * that the board finds the open task of a decomposition row with one query and links to it in Tasklist.
 */
@Component
class LinkTaskToRowListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(TaskVariables.TASK_ROW_ID, TaskVariables.taskRowId(task));
    }
}
