package cn.chuangwei.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A job that keeps failing is tried three times, then becomes an incident (Cockpit shows it, the metrics count it);
 * retried once the cause is fixed, it does its work and the incident is gone.
 */
@H2Test
class FailedJobTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void aFailingJobBecomesAnIncidentAndCanBeRetried() {
        clock.set(LocalDateTime.of(2027, 6, 1, 9, 0));
        Fixture f = new Fixture(identity);
        ApiCampaign c = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 6, 1), List.of(
                new TaskRequest("MOBILIZATION", "清理主要街道", null, f.unit("cgzx"), null, "2027-06-03", false, null)),
                false));
        String phase = runtime.createProcessInstanceQuery().superProcessInstanceId(c.processInstanceId()).singleResult()
                .getId();
        // the row's data is broken (as by a bad migration): the ladder check cannot read when the task was assigned
        String execution = runtime.createVariableInstanceQuery().processInstanceIdIn(phase).variableName("assignedAt")
                .singleResult().getExecutionId();
        runtime.setVariableLocal(execution, "assignedAt", "broken");
        clock.set(LocalDateTime.of(2027, 6, 4, 9, 0));
        Api admin = admin(f);
        double failedBefore = gauge(admin, "chuangwei.jobs.failed");

        Job deadline = management.createJobQuery().processInstanceId(phase).activityId("UnitDeadline").singleResult();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                management.executeJob(deadline.getId());
            } catch (RuntimeException expected) {
                // the job fails; the engine counts the attempt down
            }
        }
        Job failed = management.createJobQuery().jobId(deadline.getId()).singleResult();
        assertThat(failed.getRetries()).isZero();
        assertThat(failed.getExceptionMessage()).isNotBlank();
        Incident incident = runtime.createIncidentQuery().configuration(failed.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(gauge(admin, "chuangwei.jobs.failed")).isEqualTo(failedBefore + 1);
        assertThat(escalations(c.id())).isZero();

        // fixed, then retried (as with "Retry" in Cockpit)
        runtime.setVariableLocal(execution, "assignedAt", Date.from(clock.instant().minusSeconds(3 * 86400)));
        management.setJobRetries(failed.getId(), 1);
        management.executeJob(failed.getId());
        assertThat(runtime.createIncidentQuery().configuration(failed.getId()).count()).isZero();
        assertThat(escalations(c.id())).isEqualTo(1);
        assertThat(gauge(admin, "chuangwei.jobs.failed")).isEqualTo(failedBefore);
    }

    private long escalations(long campaign) {
        return jdbc.sql("select count(*) from escalation_step where campaign_id = :c").param("c", campaign)
                .query(Long.class).single();
    }

    private Api admin(Fixture f) {
        if (identity.createUserQuery().userId(f.members.get(1)).memberOfGroup("camunda-admin").count() == 0) {
            identity.createMembership(f.members.get(1), "camunda-admin");
        }
        return new Api(port, f.members.get(1), Fixture.PASSWORD);
    }

    private static double gauge(Api admin, String meter) {
        return admin.get("/actuator/metrics/" + meter).json().get("measurements").get(0).get("value").asDouble();
    }
}
