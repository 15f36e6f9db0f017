package cn.chuangwei.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A unit head sees and works only on their own unit's tasks; only leading-group members sign a gate. */
@H2Test
class AuthorizationTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TestClock clock;

    Fixture f;
    long id;
    String pi;

    Api as(String user) {
        return new Api(port, user, Fixture.PASSWORD);
    }

    @BeforeEach
    void campaign() {
        clock.set(LocalDateTime.of(2027, 8, 1, 9, 0));
        f = new Fixture(identity);
        Reply r = as(f.office).post("/api/campaigns", f.small(LocalDate.of(2027, 8, 1), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", null, f.unit("dzb"), null, "2027-08-05", true, null),
                new TaskRequest("MOBILIZATION", "清理主要街道", null, f.unit("cgzx"), null, "2027-08-06", false, null)),
                false));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        id = r.json().get("id").asLong();
        pi = r.json().get("processInstanceId").asText();
        for (Job j : management.createJobQuery().processInstanceId(pi).list()) {
            management.executeJob(j.getId());
        }
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        clock.reset();
    }

    List<JsonNode> myTasks(String user) {
        Reply r = as(user).get("/api/tasks?campaignId=" + id);
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }

    /** The towns (Camunda tenants) the person works in, as the application hands them to the engine. */
    List<String> tenantsOf(String user) {
        return identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                .map(org.camunda.bpm.engine.identity.Tenant::getId).toList();
    }

    String unitTaskOf(String unitShort) {
        return myTasks(f.head(unitShort)).get(0).get("id").asText();
    }

    @Test
    void aUnitHeadSeesAndCompletesOnlyTheirOwnUnitsTasks() {
        List<JsonNode> mine = myTasks(f.head("dzb"));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("unitCode").asText()).isEqualTo(f.unit("dzb"));
        String other = unitTaskOf("cgzx");

        Reply read = as(f.head("dzb")).get("/api/tasks/" + other);
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.json().get("code").asText()).isEqualTo("not-your-task");
        Reply done = as(f.head("dzb")).post("/api/tasks/" + other + "/complete", Map.of("resultSummary", "冒名提交"));
        assertThat(done.status()).isEqualTo(403);
        assertThat(done.json().get("message").asText()).isNotBlank();
        assertThat(done.json().get("messageEn").asText()).isNotBlank();
        assertThat(tasks.createTaskQuery().taskId(other).count()).isEqualTo(1);
        Reply rows = as(f.office).get("/api/campaigns/" + id + "/tasks?unit=" + f.unit("cgzx"));
        assertThat(rows.json().get(0).get("status").asText()).isEqualTo("OPEN");

        // unit heads read only their own unit's rows and evidence
        Reply ownRows = as(f.head("dzb")).get("/api/campaigns/" + id + "/tasks");
        assertThat(ownRows.json()).hasSize(1);
        Reply otherEvidence = as(f.head("dzb")).get("/api/task-rows/" + rows.json().get(0).get("id").asText() + "/evidence");
        assertThat(otherEvidence.status()).isEqualTo(403);
    }

    @Test
    void theEngineItselfRefusesAnotherUnitsTaskAndTheTasklistFilterShowsOnlyTheOwnUnit() {
        String other = unitTaskOf("cgzx");
        String head = f.head("dzb");
        identity.setAuthentication(head, List.of("unit-" + f.unit("dzb")), tenantsOf(head));
        try {
            List<Task> visible = tasks.createTaskQuery().processVariableValueEquals("campaignId", id).list();
            assertThat(visible).hasSize(1);
            assertThatThrownBy(() -> tasks.complete(other, Map.of("resultSummary", "x")))
                    .isInstanceOf(AuthorizationException.class);
            Filter unitFilter = filters.createFilterQuery().filterName("本单位待办").singleResult();
            assertThat(unitFilter).isNotNull();
            List<Task> inFilter = filters.list(unitFilter.getId());
            assertThat(inFilter).isNotEmpty().allMatch(t -> tasks.getIdentityLinksForTask(t.getId()).stream()
                    .anyMatch(l -> ("unit-" + f.unit("dzb")).equals(l.getGroupId())));
        } finally {
            identity.clearAuthentication();
        }
        // the engine's own REST API applies the same authorizations to the signed-in user
        Reply viaEngineRest = as(head).get("/engine-rest/task");
        assertThat(viaEngineRest.status()).isEqualTo(200);
        assertThat(viaEngineRest.json()).hasSize(1);
        assertThat(as(head).post("/engine-rest/task/" + other + "/complete", Map.of("variables", Map.of())).status())
                .isEqualTo(403);
        // the engine's REST API (Tasklist) reports a missing form answer as the caller's fault, in both languages
        String own = viaEngineRest.json().get(0).get("id").asText();
        assertThat(as(head).post("/engine-rest/task/" + own + "/claim", Map.of("userId", head)).status()).isEqualTo(204);
        Reply missing = as(head).post("/engine-rest/task/" + own + "/complete", Map.of("variables", Map.of()));
        assertThat(missing.status()).as(missing.raw()).isEqualTo(400);
        assertThat(missing.json().get("field").asText()).isEqualTo("resultSummary");
        assertThat(missing.json().get("message").asText()).contains("resultSummary");
        assertThat(tasks.createTaskQuery().taskId(own).count()).isEqualTo(1);
        assertThat(filters.createFilterQuery().filterName("待我签批").count()).isEqualTo(1);
        assertThat(filters.createFilterQuery().filterName("已逾期").count()).isEqualTo(1);
    }

    @Test
    void throughTheEngineATaskTakesOnlyItsFormsAnswers() {
        String head = f.head("dzb");
        String own = unitTaskOf("dzb");
        String phase = runtime.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult().getId();
        Map<String, Object> before = runtime.getVariables(phase);

        // a task's variables are not written one by one: a variable the task's scope lacks would land in the phase
        // process that every unit shares
        Reply put = as(head).put("/engine-rest/task/" + own + "/variables/campaignId", Map.of("value", 1, "type", "Long"));
        assertThat(put.status()).as(put.raw()).isEqualTo(403);
        assertThat(put.json().get("code").asText()).isEqualTo("task-variables-by-form");
        assertThat(put.json().get("message").asText()).contains("表单");
        assertThat(as(head).post("/engine-rest/task/" + own + "/localVariables",
                Map.of("modifications", Map.of("x", Map.of("value", "y")))).status()).isEqualTo(403);

        // a completion carries the form's answers; what Tasklist shows read-only comes back unchanged or not at all
        assertThat(as(head).post("/engine-rest/task/" + own + "/claim", Map.of("userId", head)).status()).isEqualTo(204);
        JsonNode shown = as(head).get("/engine-rest/task/" + own + "/variables").json();
        Map<String, Object> form = new java.util.HashMap<>();
        for (String display : List.of("unitName", "taskTitle", "taskTarget", "taskDeadlineText", "lastReturnReason")) {
            form.put(display, Map.of("value", shown.get(display).get("value").asText(), "type", "String"));
        }
        form.put("resultSummary", Map.of("value", "已召开动员大会", "type", "String"));
        Map<String, Object> renamed = new java.util.HashMap<>(form);
        renamed.put("taskTitle", Map.of("value", "改过的任务", "type", "String"));
        Reply changed = as(head).post("/engine-rest/task/" + own + "/submit-form", Map.of("variables", renamed));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(400);
        assertThat(changed.json().get("field").asText()).isEqualTo("taskTitle");
        assertThat(changed.json().get("messageEn").asText()).contains("taskTitle");
        Map<String, Object> moved = new java.util.HashMap<>(form);
        moved.put("workDeadline", Map.of("value", "2020-01-01T00:00:00.000+0000", "type", "Date"));
        Reply late = as(head).post("/engine-rest/task/" + own + "/complete", Map.of("variables", moved));
        assertThat(late.status()).as(late.raw()).isEqualTo(400);
        assertThat(late.json().get("code").asText()).isEqualTo("not-an-answer");
        assertThat(tasks.createTaskQuery().taskId(own).count()).isEqualTo(1);

        Reply submitted = as(head).post("/engine-rest/task/" + own + "/submit-form", Map.of("variables", form));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(own).count()).isZero();
        assertThat(as(f.office).get("/api/campaigns/" + id + "/tasks?unit=" + f.unit("dzb")).json().get(0).get("status")
                .asText()).isEqualTo("SUBMITTED");
        assertThat(runtime.getVariables(phase)).containsAllEntriesOf(before);
    }

    @Test
    void onlyTheLeadingGroupsMembersSignTheGate() {
        for (String unit : List.of("dzb", "cgzx")) {
            String t = unitTaskOf(unit);
            assertThat(as(f.head(unit)).post("/api/tasks/" + t + "/complete", Map.of("resultSummary", "已完成")).status())
                    .isEqualTo(200);
        }
        for (JsonNode review : myTasks(f.office)) {
            assertThat(as(f.office).post("/api/tasks/" + review.get("id").asText() + "/complete",
                    Map.of("reviewDecision", "ACCEPT")).status()).isEqualTo(200);
        }
        List<JsonNode> leaderTasks = myTasks(f.leader);
        assertThat(leaderTasks).hasSize(1);
        String leaderSign = leaderTasks.get(0).get("id").asText();
        assertThat(myTasks(f.outsider)).isEmpty();
        assertThat(myTasks(f.head("dzb"))).isEmpty();

        Reply byOutsider = as(f.outsider).post("/api/tasks/" + leaderSign + "/complete", Map.of("signDecision", "APPROVE"));
        assertThat(byOutsider.status()).isEqualTo(403);
        assertThat(byOutsider.json().get("code").asText()).isEqualTo("not-a-signer");
        Reply byOtherMember = as(f.members.get(0)).post("/api/tasks/" + leaderSign + "/complete",
                Map.of("signDecision", "APPROVE"));
        assertThat(byOtherMember.status()).isEqualTo(403);
        Reply byOffice = as(f.office).post("/api/tasks/" + leaderSign + "/complete", Map.of("signDecision", "APPROVE"));
        assertThat(byOffice.status()).isEqualTo(403);

        identity.setAuthentication(f.outsider, List.of(), tenantsOf(f.outsider));
        try {
            // someone of no town of the campaign: the engine's tenant check refuses before its authorizations
            assertThatThrownBy(() -> tasks.complete(leaderSign, Map.of("signDecision", "APPROVE")))
                    .isInstanceOf(ProcessEngineException.class).hasMessageContaining("tenant");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(tasks.createTaskQuery().taskId(leaderSign).count()).isEqualTo(1);
        assertThat(as(f.leader).post("/api/tasks/" + leaderSign + "/complete", Map.of("signDecision", "APPROVE")).status())
                .isEqualTo(200);
    }

    @Test
    void signingInIsRequiredAndOnlyTheOfficeSetsCampaignsUp() {
        Reply anonymous = new Api(port, null, null).get("/api/tasks");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("message").asText()).contains("登录");
        assertThat(anonymous.json().get("messageEn").asText()).contains("sign in");
        assertThat(new Api(port, f.office, "wrong").get("/api/tasks").status()).isEqualTo(401);
        Reply engineRest = new Api(port, null, null).get("/engine-rest/task");
        assertThat(engineRest.status()).isEqualTo(401);

        Reply byHead = as(f.head("dzb")).post("/api/campaigns", f.small(LocalDate.of(2027, 9, 1), List.of(), true));
        assertThat(byHead.status()).isEqualTo(403);
        assertThat(byHead.json().get("code").asText()).isEqualTo("office-only");
        assertThat(as(f.outsider).get("/api/campaigns/" + id).status()).isEqualTo(403);
    }
}
