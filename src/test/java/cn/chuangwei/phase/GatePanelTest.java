package cn.chuangwei.phase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.support.CampaignDriver;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.SignedIn;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.TwoTasks;
import org.springframework.context.ApplicationContext;
import cn.chuangwei.task.WorkService;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The gate panel: the phase's figures before a member signs, who has signed, the decision table's inputs as the
 * process computes them and the rule they meet; for the leader, why the gate escalated; and nothing for anyone else.
 */
@H2Test
class GatePanelTest {

    @Autowired
    ApplicationContext app;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    WorkService work;
    @Autowired
    GatePanel panel;
    @Autowired
    TestClock clock;

    TwoTasks two;
    Fixture f;
    CampaignDriver driver;

    /** The gate of a phase whose critical task (党政办) was never submitted and whose other task was accepted. */
    @BeforeEach
    void setUp() {
        two = new TwoTasks(app);
        f = two.f;
        driver = two.driver;
        two.gateWithTheMeetingOpen(clock);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    Task gateTaskOf(String user) {
        return two.gateTaskOf(user);
    }

    Map<String, Object> modelOf(String user, String taskId) {
        return SignedIn.as(identity, user, () -> panel.view(taskId, Texts.ZH)).model();
    }

    @Test
    void aMemberSeesThePhasesFiguresWhoHasSignedAndWhatTheTableWeighsBeforeSigning() {
        String deputy = f.deputies.get(0);
        String taskId = gateTaskOf(deputy).getId();
        assertThat(panel.shows("signGate")).isTrue();
        assertThat(panel.shows("leaderDecision")).isTrue();
        assertThat(panel.shows("reviewTask")).isFalse();

        Map<String, Object> m = modelOf(deputy, taskId);
        assertThat(m).containsEntry("phaseName", "宣传发动").containsEntry("total", 2).containsEntry("accepted", 1)
                .containsEntry("acceptedPercent", "50%").containsEntry("criticalOpen", 1).containsEntry("pastEnd", true)
                .containsEntry("signed", 0).containsEntry("signerCount", 5).containsEntry("leader", false);
        assertThat((List<?>) m.get("criticalRows")).singleElement()
                .isEqualTo(new GatePanel.CriticalRow(1, "召开创卫动员大会", "党政办", "待办理", "2027-05-05"));
        @SuppressWarnings("unchecked")
        List<GatePanel.Signer> signers = (List<GatePanel.Signer>) m.get("signers");
        assertThat(signers).extracting(GatePanel.Signer::name)
                .containsExactly("组长", "副组长甲", "副组长乙", "成员甲", "成员乙");
        assertThat(signers).extracting(GatePanel.Signer::role).containsExactly("组长", "副组长", "副组长", "成员", "成员");
        assertThat(signers).noneMatch(GatePanel.Signer::signed);
        assertThat(signers.get(1).me()).isTrue();
        // over by the phase's end with half of its tasks accepted: the table's second rule escalates
        assertThat(m).containsEntry("outcome", "提请组长决定").containsEntry("outcomeCode", "escalate");
        @SuppressWarnings("unchecked")
        List<GatePanel.RuleLine> rules = (List<GatePanel.RuleLine>) m.get("rules");
        assertThat(rules).hasSize(6);
        assertThat(rules).filteredOn(GatePanel.RuleLine::matched).singleElement()
                .extracting(GatePanel.RuleLine::text).isEqualTo("阶段已到期且任务验收通过率低于80%：提请组长决定");
        assertThat(rules.get(0).text()).isEqualTo("过半数成员不同意：提请组长决定");
        assertThat((List<?>) m.get("inputs")).extracting("value").containsExactly("0%", "是", "50%", "1");

        // a member rejects: the panel shows it, by name, with the comment
        String member = f.members.get(0);
        SignedIn.run(identity, member, () -> work.complete(gateTaskOf(member).getId(),
                Map.of("signDecision", "REJECT", "signComment", "重点任务未完成")));
        m = modelOf(deputy, taskId);
        assertThat(m).containsEntry("signed", 1);
        @SuppressWarnings("unchecked")
        List<GatePanel.Signer> after = (List<GatePanel.Signer>) m.get("signers");
        assertThat(after.get(3)).extracting(GatePanel.Signer::name, GatePanel.Signer::signed, GatePanel.Signer::decision,
                GatePanel.Signer::comment).containsExactly("成员甲", true, "不同意", "重点任务未完成");
        assertThat((List<?>) m.get("inputs")).extracting("value").first().isEqualTo("100%");

        // in English: the rules and labels too
        Map<String, Object> en = SignedIn.as(identity, deputy, () -> panel.view(taskId, Texts.EN)).model();
        assertThat(en).containsEntry("phaseName", "Mobilization").containsEntry("outcome", "The leader decides");
        assertThat((List<?>) en.get("rules")).extracting("text").first()
                .isEqualTo("a majority rejects: the leader decides");
    }

    @Test
    void theLeaderSeesWhyTheGateEscalatedAsTheEngineDecidedIt() {
        for (Task t : driver.open("signGate")) {
            SignedIn.run(identity, t.getAssignee(), () -> work.complete(t.getId(), Map.of("signDecision", "APPROVE")));
        }
        Task leader = driver.open("leaderDecision").get(0);
        assertThat(leader.getAssignee()).isEqualTo(f.leader);
        Map<String, Object> m = modelOf(f.leader, leader.getId());
        // the engine's own decision table run said ESCALATE; the panel reads the inputs it weighed and names the rule
        assertThat(runtime.getVariable(leader.getProcessInstanceId(), "gateOutcome")).isEqualTo("ESCALATE");
        assertThat(m).containsEntry("leader", true).containsEntry("outcomeCode", "escalate")
                .containsEntry("reason", "阶段已到期且任务验收通过率低于80%：提请组长决定")
                .containsEntry("signed", 5).containsEntry("round", 1);
        assertThat((List<?>) m.get("inputs")).extracting("value").containsExactly("0%", "是", "50%", "1");
        assertThat((List<?>) m.get("signers")).extracting("decision").containsOnly("同意");
    }

    @Test
    void noOneButTheTasksSignerGetsThePanel() {
        String taskId = gateTaskOf(f.deputies.get(0)).getId();
        for (String user : List.of(f.deputies.get(1), f.leader, f.office, f.head("dzb"), f.supervisors.get(0), f.outsider)) {
            assertThatThrownBy(() -> modelOf(user, taskId)).as(user).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND));
        }
    }

    @Test
    void thePanelWeighsWhatTheDelegateComputesForTheTable() {
        for (Task t : driver.open("signGate")) {
            boolean reject = t.getAssignee().equals(f.members.get(1));
            SignedIn.run(identity, t.getAssignee(), () -> work.complete(t.getId(), reject
                    ? Map.of("signDecision", "REJECT", "signComment", "尚需整改") : Map.of("signDecision", "APPROVE")));
        }
        Task leader = driver.open("leaderDecision").get(0);
        Map<String, Object> vars = runtime.getVariables(leader.getProcessInstanceId(),
                List.of("acceptedShare", "criticalOpen", "rejectionShare", "pastEnd", "approvals", "rejections"));
        assertThat(vars).containsEntry("acceptedShare", 0.5).containsEntry("criticalOpen", 1)
                .containsEntry("rejectionShare", 0.2).containsEntry("pastEnd", true).containsEntry("approvals", 4)
                .containsEntry("rejections", 1);
        Map<String, Object> m = modelOf(f.leader, leader.getId());
        assertThat((List<?>) m.get("inputs")).extracting("value").containsExactly("20%", "是", "50%", "1");
    }
}
