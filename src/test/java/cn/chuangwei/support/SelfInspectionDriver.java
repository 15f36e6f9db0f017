package cn.chuangwei.support;

import cn.chuangwei.inspection.InspectionService;
import cn.chuangwei.standard.Standards;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Fills in a self-inspection round through the engine: full scores and compliant readings unless told otherwise. */
public class SelfInspectionDriver {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final InspectionService inspection;
    private final long campaignId;

    public SelfInspectionDriver(RuntimeService runtime, TaskService tasks, InspectionService inspection, long campaignId) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.inspection = inspection;
        this.campaignId = campaignId;
    }

    ProcessInstance round() {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey("campaign-" + campaignId)
                .processDefinitionKey("self-inspection").active().singleResult();
    }

    public List<Task> sheets() {
        return tasks.createTaskQuery().processInstanceId(round().getId()).taskDefinitionKey("scoreSheet").list();
    }

    /** Scores every open sheet: each item its full points unless {@code scores} names it. */
    public void score(Map<String, String> scores) {
        for (Task t : sheets()) {
            String area = (String) tasks.getVariable(t.getId(), "area");
            String sheet = inspection.itemsToScore(campaignId, area).stream()
                    .map(i -> i.code() + "," + scores.getOrDefault(i.code(), String.valueOf(i.points())) + ",")
                    .collect(Collectors.joining("\n"));
            tasks.complete(t.getId(), Map.of("scores", sheet));
        }
    }

    /** Enters every reading still to be read: a compliant value unless {@code readings} names it. */
    public void read(Map<String, String> readings) {
        Task t = tasks.createTaskQuery().processInstanceId(round().getId()).taskDefinitionKey("indicatorReadings")
                .singleResult();
        String text = inspection.indicatorsToRead(campaignId).stream()
                .map(i -> i.code() + "," + readings.getOrDefault(i.code(), compliant(i)))
                .collect(Collectors.joining("\n"));
        tasks.complete(t.getId(), Map.of("readings", text));
    }

    public static String compliant(Standards.Indicator i) {
        if ("NOT_RISING".equals(i.comparison())) {
            return "50;50;50";
        }
        return switch (i.type()) {
            case "GRADE" -> "B";
            case "BOOLEAN" -> "是";
            case "NUMBER" -> i.comparison().startsWith("GE") ? "1000" : "0";
            default -> i.comparison().startsWith("GE") ? "100" : "0";
        };
    }
}
