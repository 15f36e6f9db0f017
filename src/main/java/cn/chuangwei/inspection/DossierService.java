package cn.chuangwei.inspection;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignPhase;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.standard.StandardAreas;
import cn.chuangwei.standard.Standards;
import cn.chuangwei.task.Evidence;
import cn.chuangwei.task.EvidenceRepository;
import cn.chuangwei.task.RowCounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import cn.chuangwei.kernel.Texts;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * Assembles the application dossier (申报材料) for 申报验收: the evidence of every task indexed by the standard's
 * areas and items, the gaps (items without evidence), and the work report (工作汇报) written from the campaign's
 * figures with {@code templates/work-report.txt}.
 */
@Service
class DossierService {

    private final CampaignRepository campaigns;
    private final Standards standards;
    private final EvidenceRepository evidence;
    private final InspectionService inspection;
    private final RowCounts rowCounts;
    private final PhaseRepository phases;
    private final DueDates dueDates;
    private final UnverifiedVerdicts unverified;
    private final MessageSource messages;

    DossierService(CampaignRepository campaigns, Standards standards, EvidenceRepository evidence,
                   InspectionService inspection, RowCounts rowCounts, PhaseRepository phases, DueDates dueDates,
                   UnverifiedVerdicts unverified, MessageSource messages) {
        this.unverified = unverified;
        this.messages = messages;
        this.campaigns = campaigns;
        this.standards = standards;
        this.evidence = evidence;
        this.inspection = inspection;
        this.rowCounts = rowCounts;
        this.phases = phases;
        this.dueDates = dueDates;
    }

    /** The dossier with the evidence files' content. */
    public Dossier dossier(long campaignId, boolean withContent) {
        Campaign c = campaigns.find(campaignId).orElseThrow(() -> ApiException.notFound("unknown-campaign", campaignId));
        Standards.Standard std = standards.find(c.standardCode()).orElseThrow();
        Map<String, List<Dossier.Document>> byItem = new HashMap<>();
        Map<String, List<Dossier.Document>> byAreaOnly = new HashMap<>();
        for (Evidence e : evidence.ofCampaign(campaignId)) {
            Dossier.Document d = new Dossier.Document(e.id(), e.fileName(), e.evidenceType(), e.description(),
                    withContent ? evidence.content(e.id()) : new byte[0]);
            if (e.itemCode() != null) {
                byItem.computeIfAbsent(e.itemCode(), k -> new ArrayList<>()).add(d);
            } else {
                byAreaOnly.computeIfAbsent(e.areaCode(), k -> new ArrayList<>()).add(d);
            }
        }
        List<Dossier.Area> areas = new ArrayList<>();
        for (StandardAreas.Area a : std.areas()) {
            List<Dossier.Item> items = new ArrayList<>();
            for (Standards.Item i : std.items()) {
                if (i.areaCode().equals(a.code())) {
                    items.add(new Dossier.Item(i.code(), i.name(), byItem.getOrDefault(i.code(), List.of())));
                }
            }
            if (byAreaOnly.containsKey(a.code())) {
                items.add(new Dossier.Item(a.code(), "本领域综合材料", byAreaOnly.get(a.code())));
            }
            areas.add(new Dossier.Area(a.code(), a.nameZh(), items));
        }
        Optional<UnverifiedVerdicts.Report> report = unverified.latest(campaignId);
        return new Dossier(c.name(), c.town(), std.name(), dueDates.today(), workReport(c, std, report), areas,
                report.map(r -> unverified.lines(r, Texts.ZH)).orElse(null));
    }

    private String workReport(Campaign c, Standards.Standard std, Optional<UnverifiedVerdicts.Report> report) {
        RowCounts.CampaignTotal rows = rowCounts.ofCampaign(c.id());
        Map<String, Object> figures = Map.of("units", campaigns.units(c.id()).size(), "tasks", rows.tasks(),
                "accepted", rows.accepted(), "rework", rows.rework(), "documents", evidence.ofCampaign(c.id()).size(),
                "started", phases.ofCampaign(c.id()).stream().map(CampaignPhase::startDate).min(LocalDate::compareTo)
                        .map(LocalDate::toString).orElse("—"));
        Map<String, String> v = new HashMap<>();
        v.put("campaignName", c.name());
        v.put("town", c.town());
        v.put("standardName", std.name());
        figures.forEach((k, val) -> v.put(k.toLowerCase(java.util.Locale.ROOT), String.valueOf(val)));
        InspectionService.Round latest = inspection.current(c.id()).orElse(null);
        v.put("rounds", String.valueOf(inspection.rounds(c.id()).size()));
        v.put("score", latest == null || latest.totalScore() == null ? "—" : latest.totalScore().stripTrailingZeros().toPlainString());
        v.put("maxscore", latest == null || latest.maxScore() == null ? "—" : String.valueOf(latest.maxScore()));
        v.put("outcome", latest == null || latest.outcome() == null ? "尚未自查" : switch (latest.outcome()) {
            case "READY" -> "达到申报条件";
            case "RECTIFY" -> "需要整改";
            default -> "不具备申报条件";
        });
        int resting = report.map(r -> r.indicators().size()).orElse(0);
        v.put("unverified", resting == 0 ? "" : messages.getMessage("unverified.report", new Object[] {resting}, Texts.ZH));
        String text = template();
        for (Map.Entry<String, String> e : v.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", e.getValue());
        }
        return text;
    }

    private static String template() {
        try (InputStream in = new ClassPathResource("templates/work-report.txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
