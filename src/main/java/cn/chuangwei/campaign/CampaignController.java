package cn.chuangwei.campaign;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.AppRights;
import cn.chuangwei.kernel.CurrentUser;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns: set one up (from a template in one call), start a draft, see where each stands. */
@RestController
@RequestMapping("/api")
class CampaignController {

    private final CampaignSetupService setup;
    private final CampaignRepository campaigns;
    private final PhaseRepository phases;
    private final PhaseProgress progress;
    private final CampaignTemplates templates;
    private final RuntimeService runtime;
    private final CurrentUser currentUser;
    private final VisibleCampaigns visible;
    private final AppRights appRights;

    CampaignController(CampaignSetupService setup, CampaignRepository campaigns, PhaseRepository phases,
                       PhaseProgress progress, CampaignTemplates templates, RuntimeService runtime,
                       CurrentUser currentUser, VisibleCampaigns visible, AppRights appRights) {
        this.setup = setup;
        this.campaigns = campaigns;
        this.phases = phases;
        this.progress = progress;
        this.templates = templates;
        this.runtime = runtime;
        this.currentUser = currentUser;
        this.visible = visible;
        this.appRights = appRights;
    }

    @PostMapping("/campaigns")
    ResponseEntity<CampaignView> create(@RequestBody CampaignRequest request) {
        currentUser.requireOffice();
        if (request == null) {
            throw ApiException.badRequest("required", "body", "body");
        }
        visible.requireSetUp(request.town());
        long id = setup.create(request, currentUser.id());
        return ResponseEntity.created(URI.create("/api/campaigns/" + id)).body(view(id));
    }

    @PostMapping("/campaigns/{id}/start")
    CampaignView start(@PathVariable long id) {
        visible.requireOffice(id);
        setup.start(id);
        return view(id);
    }

    @GetMapping("/campaigns")
    List<CampaignView> list() {
        return visible.list().stream().map(c -> view(c, false)).toList();
    }

    @GetMapping("/campaigns/{id}")
    CampaignView get(@PathVariable long id) {
        return view(id);
    }

    @GetMapping("/templates")
    Collection<CampaignTemplate> templates() {
        return templates.all();
    }

    @GetMapping("/templates/{id}")
    CampaignTemplate template(@PathVariable String id) {
        return templates.find(id).orElseThrow(() -> ApiException.notFound("unknown-template", id));
    }

    private CampaignView view(long id) {
        return view(visible.require(id), true);
    }

    private CampaignView view(Campaign c, boolean details) {
        List<CampaignView.PhaseView> phaseViews = new ArrayList<>();
        CampaignView.PhaseView current = null;
        for (CampaignPhase p : phases.ofCampaign(c.id())) {
            PhaseProgress.PhaseCounts counts = progress.counts(c.id(), p.phase());
            CampaignView.PhaseView v = new CampaignView.PhaseView(p.phase().name(), p.phase().zh(), p.phase().seq(),
                    p.startDate(), p.endDate(), p.status().name(), p.gateRound(), p.gateOutcome(), counts.total(),
                    counts.accepted(), counts.criticalOpen());
            phaseViews.add(v);
            if (current == null && p.status() != PhaseStatus.PENDING && p.status() != PhaseStatus.DONE) {
                current = v;
            }
        }
        List<String> activities = null;
        if (details && c.processInstanceId() != null) {
            // who may see the campaign was checked above; the engine's tenant check need not be asked again
            activities = appRights.lookUp(() -> activeActivities(c.processInstanceId()));
        }
        return new CampaignView(c.id(), c.name(), c.town(), c.kind(), c.level(), c.standardCode(), c.templateId(),
                c.status(), c.processInstanceId(), c.createdAt(), c.completedAt(), current, phaseViews,
                details ? campaigns.units(c.id()) : null, details ? campaigns.members(c.id()) : null, activities);
    }

    /** The activities the campaign's process and its current phase process wait in, as Cockpit shows them. */
    private List<String> activeActivities(String processInstanceId) {
        List<String> result = new ArrayList<>();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (pi == null) {
            return result;
        }
        result.addAll(runtime.getActiveActivityIds(processInstanceId));
        for (ProcessInstance sub : runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list()) {
            result.addAll(runtime.getActiveActivityIds(sub.getId()));
        }
        return result.stream().distinct().toList();
    }
}
