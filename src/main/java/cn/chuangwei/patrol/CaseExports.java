package cn.chuangwei.patrol;

import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.documents.Spreadsheet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The month's patrol indicators per responsible unit as Excel, for the API and the board's pages. */
@Component
class CaseExports {

    private final CaseStats stats;
    private final CampaignRepository campaigns;
    private final Spreadsheet spreadsheet;

    CaseExports(CaseStats stats, CampaignRepository campaigns, Spreadsheet spreadsheet) {
        this.stats = stats;
        this.campaigns = campaigns;
        this.spreadsheet = spreadsheet;
    }

    ResponseEntity<byte[]> indicators(long campaignId, YearMonth month, String lang) {
        CaseStats.Stats s = stats.month(campaignId, month);
        Map<String, String> names = campaigns.units(campaignId).stream()
                .collect(Collectors.toMap(CampaignUnit::code, CampaignUnit::name));
        List<List<Object>> rows = new ArrayList<>();
        for (CaseStats.Row r : s.units()) {
            List<Object> row = new ArrayList<>(List.of(names.getOrDefault(r.key(), r.key()), r.reported(), r.dueToClose(),
                    r.closed(), r.closedOnTime(), r.reworked(), r.closureRate(), r.onTimeRate(), r.reworkRate()));
            row.add(r.averageHours());
            rows.add(row);
        }
        return spreadsheet.download(lang, "export.cases.title", new Object[] {s.month()}, List.of("export.col.unit",
                "export.col.reported", "export.col.due-to-close", "export.col.closed", "export.col.closed-on-time",
                "export.col.reworked", "export.col.closure-rate", "export.col.on-time-rate", "export.col.rework-rate",
                "export.col.average-hours"), rows);
    }
}
