package cn.chuangwei.dashboard;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.Regions;
import cn.chuangwei.org.Visibility;
import cn.chuangwei.supervision.OpenTask;
import cn.chuangwei.supervision.SupervisionService;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import cn.chuangwei.web.Table.Cell;
import cn.chuangwei.web.Table;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The command board in the browser: {@code /} opens the caller's campaign (or lists them when there are several; a unit
 * head's or a grid inspector's 我的待办),
 * {@code /board/{id}} shows it, {@code ?screen=1} for the big screen, which refreshes itself.
 */
@Page
class BoardPage {

    private final DashboardService dashboard;
    private final VisibleCampaigns campaigns;
    private final SupervisionService supervision;
    private final CurrentUser currentUser;
    private final Texts texts;
    private final Regions regions;
    private final Visibility visibility;
    private final ObjectMapper json;
    private final int refreshSeconds;

    BoardPage(DashboardService dashboard, VisibleCampaigns campaigns, SupervisionService supervision,
              CurrentUser currentUser, Texts texts, ObjectMapper json,
              BoardSettings settings, Regions regions, Visibility visibility) {
        this.regions = regions;
        this.visibility = visibility;
        this.dashboard = dashboard;
        this.campaigns = campaigns;
        this.supervision = supervision;
        this.currentUser = currentUser;
        this.texts = texts;
        this.json = json;
        this.refreshSeconds = settings.refreshSeconds();
    }

    @GetMapping("/")
    String index(Model model, Locale locale) {
        // a county's (city's) office opens on the board across its towns
        List<Region> overseen = regions.overseen();
        if (overseen.size() == 1) {
            return "redirect:/board/county/" + overseen.get(0).id();
        }
        // people whose job is their tasks only (unit heads, grid inspectors) open on 我的待办
        if (overseen.isEmpty() && !visibility.readsSomeTown()) {
            return "redirect:/work";
        }
        List<Campaign> visible = campaigns.list();
        if (overseen.isEmpty() && visible.size() == 1) {
            return "redirect:/board/" + visible.get(0).id();
        }
        List<List<Cell>> rows = new ArrayList<>();
        overseen.forEach(r -> rows.add(List.of(Cell.link(texts.get("page.county.title", locale, r.name()),
                "/board/county/" + r.id()), Cell.of(r.name()), Cell.of(""))));
        visible.forEach(c -> rows.add(List.of(Cell.link(c.name(), "/board/" + c.id()), Cell.of(c.town()),
                Cell.of(texts.get("campaign-status." + c.status().name(), locale)))));
        model.addAttribute("table", new Table(texts.get("page.campaigns", locale), null, List.of(
                texts.get("page.col.campaign", locale), texts.get("page.col.town", locale),
                texts.get("page.col.status", locale)), rows, null, null));
        return "list";
    }

    @GetMapping("/board/{campaignId:\\d+}")
    String board(@PathVariable long campaignId, @RequestParam(defaultValue = "0") String screen,
                 @RequestParam(defaultValue = "0") String all, Model model, Locale locale) throws JsonProcessingException {
        DashboardService.Board board = dashboard.board(campaignId);
        boolean seesAll = campaigns.seesAllUnits(campaignId);
        // A deputy in charge of units opens on those units; "all" shows every unit.
        boolean narrowed = seesAll && !board.myUnits().isEmpty() && !"1".equals(all);
        List<DashboardService.HeatCell> cells = board.heatMap().stream()
                .filter(h -> !narrowed || board.myUnits().contains(h.unitCode())).toList();
        Map<String, String> units = new LinkedHashMap<>();
        cells.forEach(h -> units.putIfAbsent(h.unitCode(), h.unitName()));
        Map<String, DashboardService.HeatCell> heat = new LinkedHashMap<>();
        cells.forEach(h -> heat.put(h.unitCode() + "|" + h.phase(), h));
        List<OpenTask> mine = List.of();
        if (!seesAll) {
            mine = supervision.open(new SupervisionService.Filter(campaignId, null, null, null, null));
        } else if (!board.myUnits().isEmpty()) {
            mine = supervision.open(new SupervisionService.Filter(campaignId, null, null, currentUser.id(), null));
        }
        model.addAttribute("board", board);
        model.addAttribute("phases", Phase.values());
        model.addAttribute("units", units);
        model.addAttribute("heat", heat);
        model.addAttribute("narrowed", narrowed);
        model.addAttribute("seesAll", seesAll);
        model.addAttribute("office", campaigns.isOffice(campaignId));
        model.addAttribute("mine", mine);
        model.addAttribute("latest", board.patrol().isEmpty() ? null : board.patrol().get(board.patrol().size() - 1));
        model.addAttribute("screen", "1".equals(screen));
        model.addAttribute("refreshSeconds", refreshSeconds);
        model.addAttribute("lang", Pages.lang(locale));
        // inside a script element: no "</script>" can come out of a unit name or title
        model.addAttribute("chartData", json.writeValueAsString(chartData(board, locale)).replace("<", "\\u003c"));
        return "board";
    }

    /** What the charts draw, with their labels in the reader's language. */
    private Map<String, Object> chartData(DashboardService.Board board, Locale locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaignId", board.campaignId());
        data.put("today", board.today().toString());
        data.put("phases", board.phases().stream().map(p -> Map.of("phase", p.phase(),
                "name", texts.get("phase." + p.phase(), locale), "start", String.valueOf(p.startDate()),
                "end", String.valueOf(p.endDate()), "tasks", p.tasks(), "accepted", p.accepted())).toList());
        data.put("ranking", board.ranking());
        boolean en = "en".equals(Pages.lang(locale));
        data.put("areas", board.areaScores().stream().map(a -> {
            Map<String, Object> area = new LinkedHashMap<>();
            area.put("name", a.get(en ? "areaNameEn" : "areaName"));
            area.put("score", a.get("score"));
            area.put("maxPoints", a.get("maxPoints"));
            return area;
        }).toList());
        data.put("patrol", board.patrol());
        data.put("labels", Map.of("progress", texts.get("page.chart.progress", locale),
                "today", texts.get("page.chart.today", locale), "score", texts.get("page.chart.score", locale),
                "max", texts.get("page.chart.max", locale), "closure", texts.get("export.col.closure-rate", locale),
                "onTime", texts.get("export.col.on-time-rate", locale), "rework", texts.get("export.col.rework-rate", locale)));
        return data;
    }
}
