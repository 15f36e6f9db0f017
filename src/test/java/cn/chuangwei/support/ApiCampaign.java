package cn.chuangwei.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest;
import cn.chuangwei.support.Api.Reply;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * A campaign the office created through the REST API and whose start jobs have run, so that its first phase waits on
 * the units: its id and its process instance.
 */
public record ApiCampaign(long id, String processInstanceId, int port, Fixture f) {

    public static ApiCampaign start(int port, ManagementService management, Fixture f, CampaignRequest request) {
        Reply r = new Api(port, f.office, Fixture.PASSWORD).post("/api/campaigns", request);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        ApiCampaign c = new ApiCampaign(r.json().get("id").asLong(), r.json().get("processInstanceId").asText(), port, f);
        for (Job j : management.createJobQuery().processInstanceId(c.processInstanceId()).list()) {
            management.executeJob(j.getId());
        }
        return c;
    }

    /** The unit's (only or first) task completed by its head, then accepted by the office. */
    public void completeAndAccept(String unitShortCode, String result) {
        Api head = new Api(port, f.head(unitShortCode), Fixture.PASSWORD);
        String task = head.get("/api/tasks?campaignId=" + id).json().get(0).get("id").asText();
        assertThat(head.post("/api/tasks/" + task + "/complete", Map.of("resultSummary", result)).status()).isEqualTo(200);
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        String review = office.get("/api/tasks?campaignId=" + id + "&taskDefinitionKey=reviewTask").json().get(0)
                .get("id").asText();
        assertThat(office.post("/api/tasks/" + review + "/complete", Map.of("reviewDecision", "ACCEPT")).status())
                .isEqualTo(200);
    }
}
