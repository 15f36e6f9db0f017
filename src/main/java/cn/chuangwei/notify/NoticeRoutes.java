package cn.chuangwei.notify;

import cn.chuangwei.kernel.AppRights;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Where each kind of notice goes, as {@code dmn/notice-routing.dmn} decides: the person's first channel or all of
 * them, the unit's and the campaign's group robots, whether it may wait for the digest, whether an SMS may go at night.
 * The table's answer depends on the kind alone, so it is asked once per kind and node and kept (a table deployed anew
 * takes effect on restart). The table is the application's to read, not the caller's: a notice caused in a request (a
 * circular issued, a message resent) asks it with the application's rights, as a job does.
 */
@Component
class NoticeRoutes {

    /** The table's answer for a kind of notice. */
    record Route(boolean allChannels, boolean unitGroup, boolean campaignGroup, boolean digest, boolean nightSms) {
    }

    private final DecisionService decisions;
    private final AppRights appRights;
    private final Map<NoticeKind, Route> routes = new ConcurrentHashMap<>();

    NoticeRoutes(DecisionService decisions, AppRights appRights) {
        this.decisions = decisions;
        this.appRights = appRights;
    }

    /**
     * The route of a kind of notice. The application's own decision, whoever's action causes the notice (a supervisor
     * issuing a circular has no right to evaluate decisions), so it is taken with the application's rights.
     */
    Route of(NoticeKind kind) {
        return routes.computeIfAbsent(kind, k -> appRights.lookUp(() -> decide(k)));
    }

    private Route decide(NoticeKind kind) {
        DmnDecisionRuleResult r = decisions.evaluateDecisionTableByKey("notice-routing")
                .variables(Variables.createVariables().putValue("notice", kind.name()))
                .evaluate().getSingleResult();
        if (r == null) {
            throw new IllegalStateException("notice-routing has no rule for " + kind);
        }
        return new Route("ALL".equals(r.getEntry("reach")), Boolean.TRUE.equals(r.getEntry("unitGroup")),
                Boolean.TRUE.equals(r.getEntry("campaignGroup")), Boolean.TRUE.equals(r.getEntry("digest")),
                Boolean.TRUE.equals(r.getEntry("nightSms")));
    }
}
