package cn.chuangwei.phase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.campaign.CampaignSetupService;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.campaign.PhaseStatus;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.task.TaskRow;
import cn.chuangwei.task.TaskRowRepository;
import cn.chuangwei.task.TaskStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path through {@code phase.bpmn}, with the engine's clock under control. */
@H2Test
class PhaseProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    CampaignSetupService setup;
    @Autowired
    PhaseRepository phases;
    @Autowired
    GateSignatures gateSignatures;
    @Autowired
    TaskRowRepository rows;
    @Autowired
    TestClock clock;

    Fixture f;
    long campaignId;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        clock.set(LocalDateTime.of(2027, 5, 1, 9, 0));
        f = new Fixture(identity);
        LocalDate start = LocalDate.of(2027, 5, 1);
        campaignId = setup.register(f.small(start, List.of(
                new TaskRequest("宣传发动", "召开创卫动员大会", "全镇干部群众参加", f.unit("dzb"), null, "2027-05-05", true, "ORG_MANAGEMENT"),
                new TaskRequest("MOBILIZATION", "主要街道悬挂创卫标语", "每条主要街道不少于5条", f.unit("cgzx"), null, "2027-05-08", false, "HEALTH_EDUCATION")),
                true), f.office);
    }

    @AfterEach
    void tearDown() {
        BpmnAwareTests.reset();
        clock.reset();
    }

    ProcessInstance startPhase(Phase phase) {
        return runtime.startProcessInstanceByKey("campaign-phase", "campaign-" + campaignId,
                Map.of("campaignId", campaignId, "phase", phase.name()));
    }

    List<Task> open(ProcessInstance pi, String key) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).orderByTaskId().asc().list();
    }

    void submitAll(ProcessInstance pi) {
        for (Task t : open(pi, "unitTask")) {
            complete(t, withVariables("resultSummary", "已完成"));
        }
    }

    void acceptAll(ProcessInstance pi) {
        for (Task t : open(pi, "reviewTask")) {
            complete(t, withVariables("reviewDecision", "ACCEPT"));
        }
    }

    void sign(ProcessInstance pi, int rejections) {
        List<Task> gate = open(pi, "signGate");
        assertThat(gate).extracting(Task::getAssignee).containsExactlyInAnyOrderElementsOf(f.signers());
        for (int i = 0; i < gate.size(); i++) {
            boolean reject = i < rejections;
            complete(gate.get(i), reject ? withVariables("signDecision", "REJECT", "signComment", "尚需整改")
                    : withVariables("signDecision", "APPROVE"));
        }
    }

    List<TaskRow> rowsOf(Phase phase) {
        return rows.ofCampaign(campaignId, phase, null, null);
    }

    @Test
    void allAcceptedAndApprovedPasses() {
        ProcessInstance pi = startPhase(Phase.MOBILIZATION);
        assertThat(pi).isWaitingAt("unitTask");
        List<Task> unitTasks = open(pi, "unitTask");
        assertThat(unitTasks).hasSize(2);
        assertThat(unitTasks.get(0).getDueDate()).isNotNull();
        assertThat(tasks.getIdentityLinksForTask(unitTasks.get(0).getId()))
                .anyMatch(l -> l.getGroupId() != null && l.getGroupId().startsWith("unit-" + f.p));
        submitAll(pi);
        assertThat(pi).isWaitingAt("reviewTask");
        acceptAll(pi);
        assertThat(pi).isWaitingAt("signGate");
        assertThat(phases.get(campaignId, Phase.MOBILIZATION).status()).isEqualTo(PhaseStatus.SIGNING);
        sign(pi, 0);
        assertThat(pi).hasPassed("DecideGate", "RecordOutcome", "ClosePhase").isEnded();
        assertThat(phases.get(campaignId, Phase.MOBILIZATION).status()).isEqualTo(PhaseStatus.DONE);
        assertThat(rowsOf(Phase.MOBILIZATION)).allMatch(r -> r.status() == TaskStatus.ACCEPTED);
        assertThat(gateSignatures.signatures(campaignId, Phase.MOBILIZATION)).hasSize(5);
    }

    @Test
    void returnedTaskIsReworkedAndMinorityRejectionHoldsForRectification() {
        ProcessInstance pi = startPhase(Phase.MOBILIZATION);
        submitAll(pi);
        List<Task> reviews = open(pi, "reviewTask");
        complete(reviews.get(0), withVariables("reviewDecision", "RETURN", "returnReason", "缺少照片"));
        complete(reviews.get(1), withVariables("reviewDecision", "ACCEPT"));
        assertThat(pi).isWaitingAt("unitTask");
        Task redo = open(pi, "unitTask").get(0);
        assertThat(tasks.getVariable(redo.getId(), "lastReturnReason")).isEqualTo("缺少照片");
        complete(redo, withVariables("resultSummary", "已补充照片"));
        acceptAll(pi);
        assertThat(rowsOf(Phase.MOBILIZATION)).extracting(TaskRow::reworkCount).containsExactlyInAnyOrder(1, 0);

        sign(pi, 1);
        assertThat(pi).isWaitingAt("rectifyTasks");
        assertThat(phases.get(campaignId, Phase.MOBILIZATION).status()).isEqualTo(PhaseStatus.RECTIFYING);
        assertThat(open(pi, "rectifyTasks").get(0).getDueDate()).isNotNull();
        rows.insert(campaignId, new cn.chuangwei.task.NewTaskRow(Phase.MOBILIZATION, "整改：补挂宣传栏", null,
                f.unit("c1"), f.head("c1"), LocalDate.of(2027, 5, 9), false, null),
                cn.chuangwei.task.TaskOrigin.RECTIFICATION, 1);
        complete(open(pi, "rectifyTasks").get(0), withVariables("rectifyNote", "增加整改任务一项"));
        assertThat(open(pi, "unitTask")).hasSize(1);
        submitAll(pi);
        acceptAll(pi);
        sign(pi, 0);
        assertThat(pi).isEnded();
        assertThat(phases.get(campaignId, Phase.MOBILIZATION).gateRound()).isEqualTo(2);
    }

    @Test
    void deadlineEndsTheRoundEscalatesAndTheLeaderHoldsThenSubmittedWorkGoesStraightToReview() {
        ProcessInstance pi = startPhase(Phase.MOBILIZATION);
        complete(open(pi, "unitTask").get(0), withVariables("resultSummary", "已完成"));
        assertThat(pi).isWaitingAt("unitTask", "reviewTask");
        clock.set(LocalDateTime.of(2027, 5, 10, 18, 1));
        execute(job("WorkDeadlineReached", pi));
        assertThat(pi).isWaitingAt("signGate");
        assertThat(open(pi, "unitTask")).isEmpty();
        sign(pi, 0);
        assertThat(pi).hasPassed("WorkDeadlineReached").isWaitingAt("leaderDecision");
        assertThat(phases.get(campaignId, Phase.MOBILIZATION).status()).isEqualTo(PhaseStatus.ESCALATED);
        Task leader = open(pi, "leaderDecision").get(0);
        assertThat(leader.getAssignee()).isEqualTo(f.leader);
        complete(leader, withVariables("leaderDecision", "HOLD", "leaderComment", "限期整改"));
        assertThat(pi).isWaitingAt("rectifyTasks");
        complete(open(pi, "rectifyTasks").get(0));
        // the row submitted before the deadline waits for review; the untouched one goes back to its unit
        assertThat(pi).isWaitingAt("reviewTask", "unitTask");
        assertThat(open(pi, "reviewTask")).hasSize(1);
        assertThat(open(pi, "unitTask")).hasSize(1);
        submitAll(pi);
        acceptAll(pi);
        sign(pi, 0);
        assertThat(pi).isEnded();
    }

    @Test
    void majorityRejectionEscalatesAndTheLeaderPasses() {
        ProcessInstance pi = startPhase(Phase.MOBILIZATION);
        submitAll(pi);
        acceptAll(pi);
        sign(pi, 3);
        assertThat(pi).isWaitingAt("leaderDecision");
        complete(open(pi, "leaderDecision").get(0), withVariables("leaderDecision", "PASS"));
        assertThat(pi).hasPassed("ClosePhase").isEnded();
        assertThat(phases.get(campaignId, Phase.MOBILIZATION).gateOutcome()).isEqualTo("PASS");
        assertThat(gateSignatures.signatures(campaignId, Phase.MOBILIZATION)).anyMatch(s -> "DECIDE".equals(s.kind())
                && s.userId().equals(f.leader));
    }

    @Test
    void passingWithWorkLeftRecordsItUnfinished() {
        ProcessInstance pi = startPhase(Phase.MOBILIZATION);
        clock.set(LocalDateTime.of(2027, 5, 11, 9, 0));
        execute(job("WorkDeadlineReached", pi));
        sign(pi, 0);
        complete(open(pi, "leaderDecision").get(0), withVariables("leaderDecision", "PASS"));
        assertThat(pi).isEnded();
        assertThat(rowsOf(Phase.MOBILIZATION)).allMatch(r -> r.status() == TaskStatus.UNFINISHED);
    }

    @Test
    void phaseWithoutTasksGoesStraightToItsGate() {
        ProcessInstance pi = startPhase(Phase.CONSOLIDATION);
        assertThat(pi).isWaitingAt("signGate");
        sign(pi, 0);
        assertThat(pi).isEnded();
    }

    @Test
    void invalidAnswersAreRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = startPhase(Phase.MOBILIZATION);
        Task t = open(pi, "unitTask").get(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(t.getId(), Map.of("resultSummary", " ")))
                .hasRootCauseInstanceOf(cn.chuangwei.kernel.ApiException.class);
        assertThat(open(pi, "unitTask")).hasSize(2);
        assertThat(rows.find(rowsOf(Phase.MOBILIZATION).get(0).id()).orElseThrow().status()).isEqualTo(TaskStatus.OPEN);
    }
}
