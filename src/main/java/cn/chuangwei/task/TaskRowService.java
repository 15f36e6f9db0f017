package cn.chuangwei.task;

import cn.chuangwei.calendar.DateRange;
import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignPhase;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.campaign.PhaseStatus;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.org.Directory;
import cn.chuangwei.standard.StandardAreas;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds rows to a campaign's task decomposition table: one at a time, or a whole imported table at once. A phase not yet
 * started takes plan rows inside its dates; a phase held for rectification (HOLD) takes rectification rows due between
 * today and the campaign's last day. Every row is checked before any is written.
 */
@Service
class TaskRowService {

    private final CampaignRepository campaigns;
    private final PhaseRepository phases;
    private final TaskRowRepository rows;
    private final StandardAreas standards;
    private final Directory directory;
    private final DueDates dueDates;

    TaskRowService(CampaignRepository campaigns, PhaseRepository phases, TaskRowRepository rows, StandardAreas standards,
                   Directory directory, DueDates dueDates) {
        this.campaigns = campaigns;
        this.phases = phases;
        this.rows = rows;
        this.standards = standards;
        this.directory = directory;
        this.dueDates = dueDates;
    }

    /** A row read from a file, with its 1-based line number. */
    public record NumberedRow(int line, RawTaskRow row) {
    }

    @Transactional
    public TaskRow add(long campaignId, RawTaskRow raw, Function<String, String> fieldNames) {
        Target target = target(campaignId);
        NewTaskRow row = target.rules.check(raw, null, fieldNames::apply);
        return rows.find(write(campaignId, List.of(row), target.phases).get(0)).orElseThrow();
    }

    /** Checks every row, then writes them all; a refusal names the file's row and column and writes nothing. */
    @Transactional
    public int importRows(long campaignId, List<NumberedRow> numbered, Function<String, String> columnNames) {
        Target target = target(campaignId);
        List<NewTaskRow> checked = new ArrayList<>();
        for (NumberedRow n : numbered) {
            checked.add(target.rules.check(n.row(), n.line(), columnNames::apply));
        }
        write(campaignId, checked, target.phases);
        return checked.size();
    }

    /** A row's column at fault: the file's row, the column as the file spells it, the refusal. */
    public record RowProblem(int line, String column, ApiException refusal) {
    }

    /**
     * What an import of these rows would meet, without writing anything: every row's every column at fault, in the
     * file's order (empty: {@link #importRows} would take them all).
     */
    @Transactional(readOnly = true)
    public List<RowProblem> checkRows(long campaignId, List<NumberedRow> numbered, Function<String, String> columnNames) {
        Target target = target(campaignId);
        List<RowProblem> problems = new ArrayList<>();
        for (NumberedRow n : numbered) {
            target.rules.problems(n.row(), n.line(), columnNames::apply)
                    .forEach(p -> problems.add(new RowProblem(n.line(), p.field(), p)));
        }
        return problems;
    }

    /** The rows as they would be written (all of them valid: else the first refusal). */
    @Transactional(readOnly = true)
    public List<NewTaskRow> readRows(long campaignId, List<NumberedRow> numbered, Function<String, String> columnNames) {
        Target target = target(campaignId);
        return numbered.stream().map(n -> target.rules.check(n.row(), n.line(), columnNames::apply)).toList();
    }

    /** The phases a new row may go to now and the days its deadline may fall on (the template's drop-down lists). */
    @Transactional(readOnly = true)
    public Map<Phase, DateRange> openWindows(long campaignId) {
        return windows(phases.ofCampaign(campaignId));
    }

    private List<Long> write(long campaignId, List<NewTaskRow> checked, Map<Phase, CampaignPhase> byPhase) {
        List<Long> ids = new ArrayList<>();
        for (NewTaskRow row : checked) {
            CampaignPhase p = byPhase.get(row.phase());
            boolean plan = p.status() == PhaseStatus.PENDING;
            ids.add(rows.insert(campaignId, row, plan ? TaskOrigin.PLAN : TaskOrigin.RECTIFICATION, p.gateRound()));
        }
        return ids;
    }

    private record Target(RowRules rules, Map<Phase, CampaignPhase> phases) {
    }

    private Target target(long campaignId) {
        Campaign campaign = campaigns.find(campaignId).orElseThrow(() -> ApiException.notFound("unknown-campaign", campaignId));
        List<CampaignPhase> all = phases.ofCampaign(campaignId);
        Map<Phase, CampaignPhase> byPhase = all.stream().collect(Collectors.toMap(CampaignPhase::phase, Function.identity(),
                (a, b) -> a, () -> new EnumMap<>(Phase.class)));
        Map<Phase, DateRange> windows = windows(all);
        Map<String, CampaignUnit> units = campaigns.units(campaignId).stream()
                .collect(Collectors.toMap(CampaignUnit::code, Function.identity()));
        Map<String, String> areas = areas(campaign.standardCode());
        return new Target(new RowRules(units, windows, areas, directory::userExists), byPhase);
    }

    /** The standard's areas, code → Chinese name, in the standard's order: a row names one by either. */
    Map<String, String> areas(String standardCode) {
        return standards.areas(standardCode).stream().collect(Collectors.toMap(StandardAreas.Area::code,
                StandardAreas.Area::nameZh, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** A phase not yet started takes rows inside its dates; a phase held for rectification from today to the last day. */
    private Map<Phase, DateRange> windows(List<CampaignPhase> all) {
        LocalDate lastDay = all.stream().map(CampaignPhase::endDate).max(LocalDate::compareTo).orElseThrow();
        Map<Phase, DateRange> windows = new EnumMap<>(Phase.class);
        for (CampaignPhase p : all) {
            if (p.status() == PhaseStatus.PENDING) {
                windows.put(p.phase(), new DateRange(p.startDate(), p.endDate()));
            } else if (p.status() == PhaseStatus.RECTIFYING) {
                windows.put(p.phase(), new DateRange(dueDates.today(), lastDay));
            }
        }
        return windows;
    }
}
