package cn.chuangwei.acceptance;

import cn.chuangwei.task.TaskVariables;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Public notice done, the town is named. */
@Component
class RecordNamingListener implements TaskListener {

    private final AcceptanceService acceptance;

    RecordNamingListener(AcceptanceService acceptance) {
        this.acceptance = acceptance;
    }

    @Override
    public void notify(DelegateTask task) {
        AcceptanceForms.PUBLIC_NOTICE.checkVariables(task::getVariable);
        acceptance.recordNaming(TaskVariables.campaignId(task),
                LocalDate.parse(((String) task.getVariable(AcceptanceForms.NAMING_DATE)).trim()),
                ((String) task.getVariable(AcceptanceForms.NAMING_DOCUMENT)).trim());
    }
}
