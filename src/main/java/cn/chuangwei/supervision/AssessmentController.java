package cn.chuangwei.supervision;

import cn.chuangwei.calendar.Months;
import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.kernel.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The monthly assessment and ranking (published to all); the office closes a month, which freezes it. */
@RestController
@RequestMapping("/api/campaigns/{campaignId}/assessment")
class AssessmentController {

    private final AssessmentService assessment;
    private final CurrentUser currentUser;
    private final SupervisionExports exports;

    private final VisibleCampaigns campaigns;

    AssessmentController(AssessmentService assessment, CurrentUser currentUser, SupervisionExports exports,
                         VisibleCampaigns campaigns) {
        this.campaigns = campaigns;
        this.assessment = assessment;
        this.currentUser = currentUser;
        this.exports = exports;
    }

    @GetMapping("/{month}")
    AssessmentService.Month month(@PathVariable long campaignId, @PathVariable String month) {
        campaigns.require(campaignId);
        return assessment.month(campaignId, Months.parse(month));
    }

    @PostMapping("/{month}/close")
    AssessmentService.Month close(@PathVariable long campaignId, @PathVariable String month) {
        currentUser.requireOffice();
        campaigns.requireOffice(campaignId);
        return assessment.close(campaignId, Months.parse(month), currentUser.id());
    }

    /** The month's ranking as Excel, headers in Chinese ({@code lang=zh}, the default) or English. */
    @GetMapping("/{month}/xlsx")
    ResponseEntity<byte[]> excel(@PathVariable long campaignId, @PathVariable String month,
                                 @RequestParam(defaultValue = "zh") String lang) {
        campaigns.require(campaignId);
        return exports.ranking(assessment.month(campaignId, Months.parse(month)), lang);
    }
}
