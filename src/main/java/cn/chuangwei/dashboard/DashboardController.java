package cn.chuangwei.dashboard;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The command board's data, one call per campaign. */
@RestController
class DashboardController {

    private final DashboardService dashboard;

    DashboardController(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/dashboard/{campaignId}")
    DashboardService.Board board(@PathVariable long campaignId) {
        return dashboard.board(campaignId);
    }
}
