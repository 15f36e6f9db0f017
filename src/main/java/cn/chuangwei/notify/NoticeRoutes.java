package cn.chuangwei.notify;

import cn.chuangwei.kernel.DecisionTables;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Where each kind of notice goes, as {@code dmn/notice-routing.dmn} decides: the person's first channel or all of
 * them, the unit's and the campaign's group robots, whether it may wait for the digest, whether an SMS may go at night.
 * The table's answer depends on the kind alone, so it is asked once per kind and version of the table and kept (a table
 * deployed anew takes effect at once). The table is the application's to read, not the caller's: a notice caused in a
 * request (a circular issued, a message resent) asks it as a job does ({@link DecisionTables}).
 */
@Component
class NoticeRoutes {

    /** The table's answer for a kind of notice. */
    record Route(boolean allChannels, boolean unitGroup, boolean campaignGroup, boolean digest, boolean nightSms) {
    }

    private final DecisionTables decisions;
    /** The routes by the table's version and the kind of notice. */
    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    NoticeRoutes(DecisionTables decisions) {
        this.decisions = decisions;
    }

    /**
     * The route of a kind of notice. The application's own decision, whoever's action causes the notice (a supervisor
     * issuing a circular has no right to evaluate decisions).
     */
    Route of(NoticeKind kind) {
        DecisionTables.Table table = decisions.latest("notice-routing");
        return routes.computeIfAbsent(table.definitionId() + ":" + kind, k -> decide(table, kind));
    }

    private Route decide(DecisionTables.Table table, NoticeKind kind) {
        DmnDecisionRuleResult r = decisions.decide(table, Variables.createVariables().putValue("notice", kind.name()))
                .result();
        if (r == null) {
            throw new IllegalStateException("notice-routing has no rule for " + kind);
        }
        return new Route("ALL".equals(r.getEntry("reach")), Boolean.TRUE.equals(r.getEntry("unitGroup")),
                Boolean.TRUE.equals(r.getEntry("campaignGroup")), Boolean.TRUE.equals(r.getEntry("digest")),
                Boolean.TRUE.equals(r.getEntry("nightSms")));
    }
}
