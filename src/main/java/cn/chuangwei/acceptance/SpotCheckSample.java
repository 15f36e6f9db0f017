package cn.chuangwei.acceptance;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.standard.Standards;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/** The sample of the standard's items a monthly spot check looks at, and its size. */
@Component
class SpotCheckSample {

    private final CampaignRepository campaigns;
    private final Standards standards;
    private final DueDates dueDates;
    private final int size;

    SpotCheckSample(CampaignRepository campaigns, Standards standards, DueDates dueDates,
                    AcceptanceSettings settings) {
        this.campaigns = campaigns;
        this.standards = standards;
        this.dueDates = dueDates;
        this.size = settings.spotCheckItems();
    }

    int size() {
        return size;
    }

    /** This month's sample, one item a line. */
    String itemsText(long campaignId) {
        List<Standards.Item> items = standards.find(campaigns.find(campaignId).orElseThrow().standardCode())
                .orElseThrow().items();
        // a different sample each month: items rotate by the month's number
        int month = dueDates.today().getYear() * 12 + dueDates.today().getMonthValue();
        return IntStream.range(0, Math.min(size, items.size()))
                .mapToObj(i -> items.get((month * size + i) % items.size()))
                .map(i -> i.code() + "  " + i.name()).collect(Collectors.joining("\n"));
    }
}
