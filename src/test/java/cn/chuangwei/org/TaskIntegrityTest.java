package cn.chuangwei.org;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People work tasks; they do not edit them. Through Camunda's REST API a unit head may read, claim and complete their
 * unit's task, but not move its due date, rename it, add a candidate or hand it to someone else
 * ({@code default-user-permission-name-for-task: TASK_WORK}); a task created before that setting loses its older
 * UPDATE permission at start-up.
 */
@H2Test
class TaskIntegrityTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    AccessSetup access;
    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Fixture f;
    long campaignId;
    String taskId;
    Task before;

    @BeforeEach
    void campaign() {
        clock.set(LocalDateTime.of(2027, 8, 2, 9, 0));
        f = new Fixture(identity);
        long id = campaignId = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 8, 2), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", null, f.unit("dzb"), null, "2027-08-05", false, null)),
                false)).id();
        taskId = head().get("/api/tasks?campaignId=" + id).json().get(0).get("id").asText();
        before = tasks.createTaskQuery().taskId(taskId).singleResult();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private Api head() {
        return new Api(port, f.head("dzb"), Fixture.PASSWORD);
    }

    @Test
    void aUnitHeadCannotMoveRenameShareOrHandOnTheirTaskButCanClaimIt() {
        String other = f.head("cgzx");
        assertThat(head().put("/engine-rest/task/" + taskId, Map.of("name", "改了名字",
                "due", "2030-01-01T18:00:00.000+0800")).status()).as("due date and name").isEqualTo(403);
        assertThat(head().post("/engine-rest/task/" + taskId + "/identity-links",
                Map.of("userId", other, "type", "candidate")).status()).as("a candidate").isEqualTo(403);
        assertThat(head().post("/engine-rest/task/" + taskId + "/assignee", Map.of("userId", other)).status())
                .as("an assignee").isEqualTo(403);
        assertThat(head().post("/engine-rest/task/" + taskId + "/delegate", Map.of("userId", other)).status())
                .as("a delegate").isEqualTo(403);

        Task after = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(after.getName()).isEqualTo(before.getName());
        assertThat(after.getDueDate()).isEqualTo(before.getDueDate());
        assertThat(after.getAssignee()).isNull();
        assertThat(tasks.getIdentityLinksForTask(taskId)).noneMatch(l -> other.equals(l.getUserId()));

        assertThat(head().post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", f.head("dzb"))).status())
                .as("claiming their own unit's task").isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(f.head("dzb"));
    }

    @Test
    void aTaskFromBeforeTheSettingLosesItsUpdatePermissionAtStartUp() {
        // as the engine granted it before: UPDATE on the task for its candidate group
        Authorization older = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
                .groupIdIn("unit-" + f.unit("dzb")).singleResult();
        older.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(older);
        Map<String, Object> moved = Map.of("due", "2030-01-01T18:00:00.000+0800", "tenantId", before.getTenantId());
        assertThat(head().put("/engine-rest/task/" + taskId, moved).status()).isEqualTo(204);
        tasks.setDueDate(taskId, before.getDueDate());

        access.setUp();

        Authorization now = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId)
                .groupIdIn("unit-" + f.unit("dzb")).singleResult();
        assertThat(now.isPermissionGranted(Permissions.UPDATE)).isFalse();
        assertThat(now.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
        assertThat(head().put("/engine-rest/task/" + taskId, moved).status()).isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getDueDate()).isEqualTo(before.getDueDate());
        assertThat(tasks.getIdentityLinksForTask(taskId)).anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()));
    }

    @Test
    void theOfficeMovesADeadlineThroughTheApplicationAndItIsRecorded() {
        long rowId = ((Number) tasks.getVariable(taskId, "taskRowId")).longValue();
        String path = "/api/campaigns/" + campaignId + "/tasks/" + rowId + "/deadline";
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        Map<String, Object> later = Map.of("deadline", "2027-08-12", "reason", "暴雨影响，申请延期一周");
        assertThat(head().post(path, later).status()).as("a unit head").isEqualTo(403);
        assertThat(office.post(path, Map.of("deadline", "2027-08-12")).json().get("field").asText()).isEqualTo("reason");
        assertThat(office.post(path, Map.of("deadline", "2027-07-30", "reason", "x")).json().get("code").asText())
                .isEqualTo("deadline-out-of-window");
        assertThat(office.post(path, Map.of("deadline", "2027-08-05", "reason", "x")).json().get("code").asText())
                .isEqualTo("deadline-unchanged");
        assertThat(jdbc.sql("select count(*) from task_event where task_row_id = :r and event = 'DEADLINE_CHANGED'")
                .param("r", rowId).query(Integer.class).single()).as("refusals write nothing").isZero();

        var moved = office.post(path, later);
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.json().get("deadline").asText()).isEqualTo("2027-08-12");
        Task after = tasks.createTaskQuery().taskId(taskId).singleResult();
        java.time.Instant due = LocalDateTime.of(2027, 8, 12, 18, 0).atZone(TestClock.ZONE).toInstant();
        assertThat(after.getDueDate().toInstant()).isEqualTo(due);
        assertThat(management.createJobQuery().executionId(after.getExecutionId()).activityId("UnitDeadline").singleResult()
                .getDuedate().toInstant()).as("the deadline step moves with it").isEqualTo(due);
        assertThat(jdbc.sql("select actor || ' ' || note from task_event where task_row_id = :r and event = 'DEADLINE_CHANGED'")
                .param("r", rowId).query(String.class).single())
                .isEqualTo(f.office + " 2027-08-05 → 2027-08-12：暴雨影响，申请延期一周");
        assertThat(tasks.getTaskComments(taskId)).anyMatch(c -> c.getFullMessage().contains("暴雨影响，申请延期一周")
                && c.getFullMessage().contains("2027-08-05 → 2027-08-12"));
        // at the old deadline nothing escalates any more; the unit is not yet overdue
        clock.set(LocalDateTime.of(2027, 8, 6, 9, 0));
        assertThat(management.createJobQuery().executionId(after.getExecutionId()).activityId("UnitDeadline").executable()
                .count()).isZero();
    }
}
