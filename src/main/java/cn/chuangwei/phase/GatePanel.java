package cn.chuangwei.phase;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignMember;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.kernel.TaskPanel;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.org.Directory;
import cn.chuangwei.task.TaskRow;
import cn.chuangwei.task.TaskRowRepository;
import cn.chuangwei.task.WorkItem;
import cn.chuangwei.task.WorkService;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Beside a leading-group member's signature on a phase gate ({@code signGate}) and the leader's decision on an
 * escalated one ({@code leaderDecision}): the phase's figures (tasks accepted, critical tasks not accepted, its end
 * date), who of the group has signed and how, and what the gate's decision table weighs: its inputs as
 * {@link GateFigures} computes them for the process, its rules in words, and the rule they meet. For the leader, the
 * inputs the table weighed when it escalated and the rule that escalated it.
 */
@Component
class GatePanel implements TaskPanel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final WorkService work;
    private final TaskService tasks;
    private final GateFigures gateFigures;
    private final GateTable gateTable;
    private final PhaseRepository phases;
    private final CampaignRepository campaigns;
    private final TaskRowRepository rows;
    private final VisibleCampaigns visible;
    private final Directory directory;
    private final CurrentUser currentUser;
    private final DueDates dueDates;
    private final Texts texts;

    GatePanel(WorkService work, TaskService tasks, GateFigures gateFigures, GateTable gateTable, PhaseRepository phases,
              CampaignRepository campaigns, TaskRowRepository rows, VisibleCampaigns visible, Directory directory,
              CurrentUser currentUser, DueDates dueDates, Texts texts) {
        this.work = work;
        this.tasks = tasks;
        this.gateFigures = gateFigures;
        this.gateTable = gateTable;
        this.phases = phases;
        this.campaigns = campaigns;
        this.rows = rows;
        this.visible = visible;
        this.directory = directory;
        this.currentUser = currentUser;
        this.dueDates = dueDates;
        this.texts = texts;
    }

    @Override
    public boolean shows(String taskDefinitionKey) {
        return PhaseForms.SIGN_GATE.equals(taskDefinitionKey) || PhaseForms.LEADER_DECISION.equals(taskDefinitionKey);
    }

    @Override
    public View view(String taskId, Locale locale) {
        WorkItem task = work.get(taskId);
        if (task.campaignId() == null || task.phase() == null) {
            return null;
        }
        long campaignId = task.campaignId();
        Campaign campaign = visible.require(campaignId);
        Phase phase = Phase.valueOf(task.phase());
        int round = ((Number) tasks.getVariable(taskId, "gateRound")).intValue();
        boolean leader = PhaseForms.LEADER_DECISION.equals(task.taskDefinitionKey());
        GateFigures.Inputs now = gateFigures.of(campaignId, phase, round);
        // the leader reads what the table weighed when it escalated; a signer what it weighs as things stand
        Map<String, Object> weighed = leader ? tasks.getVariables(taskId, List.copyOf(now.variables().keySet()))
                : now.variables();
        GateTable.Decided decided = gateTable.decide(weighed);

        Map<String, Object> m = new HashMap<>();
        m.put("leader", leader);
        m.put("campaignName", campaign.name());
        m.put("phaseName", texts.get("phase." + phase.name(), locale));
        m.put("round", round);
        var p = phases.get(campaignId, phase);
        m.put("phaseEnd", p.endDate().toString());
        m.put("pastEnd", now.pastEnd());
        m.put("total", now.counts().total());
        m.put("accepted", now.counts().accepted());
        m.put("acceptedPercent", percent(now.acceptedShare()));
        m.put("criticalOpen", now.criticalOpen());
        m.put("criticalRows", criticalRows(campaignId, phase, locale));
        m.put("signers", signers(campaignId, now.signatures(), locale));
        m.put("signed", now.signatures().size());
        m.put("signerCount", campaigns.gateSigners(campaignId).size());
        m.put("inputs", inputs(weighed, locale));
        m.put("outcome", texts.get("panel.gate.outcome." + decided.outcome(), locale));
        m.put("outcomeCode", decided.outcome().toLowerCase(Locale.ROOT));
        m.put("rules", gateTable.rules(locale).stream().map(r -> new RuleLine(r.text(),
                texts.get("panel.gate.outcome." + r.outcome(), locale), r.id().equals(decided.rule()))).toList());
        m.put("reason", gateTable.rules(locale).stream().filter(r -> r.id().equals(decided.rule()))
                .map(GateTable.RuleText::text).findFirst().orElse(null));
        return new View("panels/gate", m, 10);
    }

    /** The phase's critical tasks not accepted, those of units the caller may see. */
    private List<CriticalRow> criticalRows(long campaignId, Phase phase, Locale locale) {
        Predicate<String> sees = visible.unitFilter(campaignId);
        Map<String, String> units = campaigns.units(campaignId).stream()
                .collect(Collectors.toMap(CampaignUnit::code, CampaignUnit::name));
        List<CriticalRow> list = new ArrayList<>();
        for (TaskRow r : rows.criticalOpen(campaignId, phase)) {
            if (sees.test(r.unitCode())) {
                list.add(new CriticalRow(r.seq(), r.title(), units.getOrDefault(r.unitCode(), ""),
                        texts.get("task-status." + r.status().name(), locale), r.deadline().toString()));
            }
        }
        return list;
    }

    /** Every member who signs, the leader first, with their signature in this round if they have given it. */
    private List<Signer> signers(long campaignId, List<GateSignatures.GateSignature> signatures, Locale locale) {
        Map<String, GateSignatures.GateSignature> byUser = signatures.stream()
                .collect(Collectors.toMap(GateSignatures.GateSignature::userId, s -> s, (a, b) -> b));
        Map<String, String> roles = campaigns.members(campaignId).stream().filter(x -> x.role().signsGates())
                .collect(Collectors.toMap(CampaignMember::userId, x -> x.role().name(), (a, b) -> a));
        String me = currentUser.id();
        List<Signer> list = new ArrayList<>();
        for (String userId : campaigns.gateSigners(campaignId)) {
            GateSignatures.GateSignature s = byUser.get(userId);
            list.add(new Signer(directory.displayName(userId),
                    texts.get("panel.gate.role." + roles.get(userId), locale), userId.equals(me), s != null,
                    s == null ? null : texts.get("panel.gate.sign." + s.decision(), locale),
                    s != null && "REJECT".equals(s.decision()), s == null ? null : s.comment(),
                    s == null ? null : WHEN.format(s.signedAt().atZone(dueDates.zone()))));
        }
        return list;
    }

    /** The table's four inputs in words, as it reads them. */
    private List<Input> inputs(Map<String, Object> v, Locale locale) {
        return List.of(
                new Input(texts.get("panel.gate.input.rejectionShare", locale), percent(number(v, "rejectionShare"))),
                new Input(texts.get("panel.gate.input.pastEnd", locale),
                        texts.get(Boolean.TRUE.equals(v.get("pastEnd")) ? "panel.yes" : "panel.no", locale)),
                new Input(texts.get("panel.gate.input.acceptedShare", locale), percent(number(v, "acceptedShare"))),
                new Input(texts.get("panel.gate.input.criticalOpen", locale),
                        String.valueOf((int) number(v, "criticalOpen"))));
    }

    private static double number(Map<String, Object> v, String key) {
        return v.get(key) instanceof Number n ? n.doubleValue() : 0;
    }

    private static String percent(double share) {
        long tenths = Math.round(share * 1000);
        return (tenths % 10 == 0 ? String.valueOf(tenths / 10) : String.valueOf(tenths / 10.0)) + "%";
    }

    public record CriticalRow(int seq, String title, String unit, String status, String deadline) {
    }

    public record Signer(String name, String role, boolean me, boolean signed, String decision, boolean rejects,
                         String comment, String signedAt) {
    }

    public record Input(String label, String value) {
    }

    public record RuleLine(String text, String outcome, boolean matched) {
    }
}
