package cn.chuangwei.dashboard;

import cn.chuangwei.documents.Spreadsheet;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.supervision.CountyCirculars;
import cn.chuangwei.supervision.TownStandings;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The county's board in the browser ({@code /board/county/{regionId}}): its towns × phases, the towns' ranking, the
 * overdue tasks by town and the county's circulars, each town linking to its campaign's board; and the same as Excel.
 * For the region's overseers, as the API.
 */
@Page
class CountyBoardPage {

    private final CountyBoard county;
    private final CountyCirculars circulars;
    private final Spreadsheet spreadsheet;
    private final Texts texts;

    CountyBoardPage(CountyBoard county, CountyCirculars circulars, Spreadsheet spreadsheet, Texts texts) {
        this.county = county;
        this.circulars = circulars;
        this.spreadsheet = spreadsheet;
        this.texts = texts;
    }

    @GetMapping("/board/county/{regionId}")
    String board(@PathVariable long regionId, Model model) {
        CountyBoard.Board board = county.board(regionId);
        Map<String, TownStandings.PhaseState> cells = new HashMap<>();
        Map<Long, TownStandings.Town> towns = new HashMap<>();
        for (TownStandings.Town t : board.towns()) {
            towns.put(t.townId(), t);
            t.campaigns().forEach(c -> c.phases().forEach(p -> cells.put(c.campaignId() + "|" + p.phase(), p)));
        }
        model.addAttribute("board", board);
        model.addAttribute("phases", Phase.values());
        model.addAttribute("cells", cells);
        model.addAttribute("townsById", towns);
        model.addAttribute("rates", rates(board.towns()));
        model.addAttribute("circulars", circulars.list(regionId));
        return "county";
    }

    @GetMapping("/board/county/{regionId}/xlsx")
    ResponseEntity<byte[]> excel(@PathVariable long regionId, Locale locale) {
        CountyBoard.Board board = county.board(regionId);
        String none = "—";
        List<List<Object>> rows = new ArrayList<>();
        for (TownStandings.Town t : board.towns()) {
            String rank = t.rank() == null ? none : String.valueOf(t.rank());
            String rate = rate(t.completionRate(), none);
            if (t.campaigns().isEmpty()) {
                List<Object> row = new ArrayList<>(Arrays.asList(rank, t.name(),
                        new Spreadsheet.Label("page.county.no-campaign"), null, null));
                Arrays.stream(Phase.values()).forEach(p -> row.add(null));
                row.addAll(Arrays.asList(0, 0, 0, rate));
                rows.add(row);
            }
            for (TownStandings.CampaignState c : t.campaigns()) {
                List<Object> row = new ArrayList<>(Arrays.asList(rank, t.name(), c.name(),
                        new Spreadsheet.Label("campaign-kind." + c.kind()), new Spreadsheet.Label(c.currentPhase() == null
                                ? "campaign-status." + c.status() : "phase." + c.currentPhase())));
                c.phases().forEach(p -> row.add(p.overdue() > 0
                        ? texts.get("page.county.phase-cell.overdue", locale, status(p, locale), p.accepted(), p.tasks(),
                        p.overdue())
                        : texts.get("page.county.phase-cell", locale, status(p, locale), p.accepted(), p.tasks())));
                row.addAll(Arrays.asList(c.tasks(), c.accepted(), c.overdue(), rate));
                rows.add(row);
            }
        }
        List<String> headers = new ArrayList<>(List.of("export.col.rank", "page.col.town", "page.col.campaign",
                "page.county.col.kind", "page.county.col.current-phase"));
        Arrays.stream(Phase.values()).forEach(p -> headers.add("phase." + p.name()));
        headers.addAll(List.of("page.county.col.tasks", "page.county.col.accepted", "page.county.col.overdue",
                "page.county.col.completion-rate"));
        return spreadsheet.download(Pages.lang(locale), "page.county.export", new Object[] {board.region(), board.today()},
                headers, rows);
    }

    private String status(TownStandings.PhaseState p, Locale locale) {
        return texts.get("phase-status." + p.status(), locale);
    }

    /** Each town's completion rate as the page shows it ("66.7%", "—" unranked), by town id. */
    private static Map<Long, String> rates(List<TownStandings.Town> towns) {
        Map<Long, String> rates = new HashMap<>();
        towns.forEach(t -> rates.put(t.townId(), rate(t.completionRate(), "—")));
        return rates;
    }

    private static String rate(BigDecimal rate, String none) {
        return rate == null ? none : rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%";
    }
}
