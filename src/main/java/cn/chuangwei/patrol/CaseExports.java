package cn.chuangwei.patrol;

import cn.chuangwei.documents.Spreadsheet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The month's patrol indicators per responsible unit and per grid as Excel, for the API and the board's pages. */
@Component
class CaseExports {

    private final CaseStats stats;
    private final CaseNames names;
    private final Spreadsheet spreadsheet;

    CaseExports(CaseStats stats, CaseNames names, Spreadsheet spreadsheet) {
        this.stats = stats;
        this.names = names;
        this.spreadsheet = spreadsheet;
    }

    /** Each responsible unit's figures, then each grid's, every one by name (cases not dispatched yet as such). */
    ResponseEntity<byte[]> indicators(long campaignId, YearMonth month, String lang) {
        CaseStats.Stats s = stats.month(campaignId, month);
        List<List<Object>> rows = new ArrayList<>();
        rows(rows, s.units(), names.units(campaignId));
        rows(rows, s.grids(), names.grids(campaignId));
        return spreadsheet.download(lang, "export.cases.title", new Object[] {s.month()}, List.of("export.col.unit-or-grid",
                "export.col.reported", "export.col.due-to-close", "export.col.closed", "export.col.closed-on-time",
                "export.col.reworked", "export.col.closure-rate", "export.col.on-time-rate", "export.col.rework-rate",
                "export.col.average-hours"), rows);
    }

    private static void rows(List<List<Object>> rows, List<CaseStats.Row> figures, Map<String, String> names) {
        for (CaseStats.Row r : figures) {
            Object name = names.containsKey(r.key()) ? names.get(r.key())
                    : "—".equals(r.key()) ? new Spreadsheet.Label("page.case.no-unit") : r.key();
            List<Object> row = new ArrayList<>(List.of(name, r.reported(), r.dueToClose(), r.closed(), r.closedOnTime(),
                    r.reworked(), r.closureRate(), r.onTimeRate(), r.reworkRate()));
            row.add(r.averageHours());
            rows.add(row);
        }
    }
}
