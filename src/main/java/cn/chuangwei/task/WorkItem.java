package cn.chuangwei.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Date;
import java.util.Map;

/** A Camunda user task as the API shows it: what to do, for which campaign, phase and unit, by when, and its form. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkItem(String id, String name, String taskDefinitionKey, String formKey, Date created, Date due,
                       String assignee, Long campaignId, String phase, Long taskRowId, String unitCode,
                       String processInstanceId, Map<String, Object> form) {
}
