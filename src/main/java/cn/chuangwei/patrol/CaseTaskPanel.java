package cn.chuangwei.patrol;

import cn.chuangwei.kernel.AppRights;
import cn.chuangwei.kernel.TaskPanel;
import cn.chuangwei.task.EvidenceSettings;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Beside the form of a case's task (立案, 派遣, 处置, 处理反馈, 挂账审批, 核查) in the workbench: the case in words, its photos,
 * reporter, place, grid and a link to its page, so that the office registers a case seeing its photo and category.
 */
@Component
class CaseTaskPanel implements TaskPanel {

    private static final Set<String> TASKS = PatrolCaseForms.taskKeys();
    /**
     * The tasks whose people add photos from the panel: 处理反馈 (the unit's after-photos, at least one before it may
     * report back) and 核查 (on site). 处置 does not ask: the unit acts, then shows what it did when it feeds back.
     */
    private static final Set<String> TAKE_PHOTOS = Set.of(PatrolCaseForms.FEEDBACK.element(), PatrolCaseForms.CHECK_CASE);

    private final TaskService tasks;
    private final AppRights appRights;
    private final CaseSheet sheets;
    private final long maxPhotoBytes;

    CaseTaskPanel(TaskService tasks, AppRights appRights, CaseSheet sheets, EvidenceSettings limits) {
        this.maxPhotoBytes = limits.maxBytes();
        this.tasks = tasks;
        this.appRights = appRights;
        this.sheets = sheets;
    }

    @Override
    public boolean shows(String taskDefinitionKey) {
        return TASKS.contains(taskDefinitionKey);
    }

    /** The case of the task (the workbench has checked that the caller works on it; the case is scoped again here). */
    @Override
    public View view(String taskId, Locale locale) {
        Object caseId = appRights.lookUp(() -> tasks.getVariable(taskId, "caseId"));
        if (!(caseId instanceof Number n)) {
            return null;
        }
        Map<String, Object> sheet = sheets.sheet(n.longValue(), locale);
        String key = appRights.lookUp(() -> tasks.createTaskQuery().taskId(taskId).singleResult().getTaskDefinitionKey());
        if (TAKE_PHOTOS.contains(key)) {
            sheet.put("upload", sheet.get("href") + "/photos");
            sheet.put("maxBytes", maxPhotoBytes);
            sheet.put("maxMegabytes", Math.max(1, maxPhotoBytes / (1024 * 1024)));
        }
        return new View("panels/case", sheet, 10);
    }
}
