package cn.chuangwei.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.PostgresTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The job executor's acquisition (the engine's own statement, bound as {@code JobManager.findNextJobsToExecute} binds
 * it with this application's settings) over the province benchmark's shape of {@code ACT_RU_JOB}: 80,000 timers, of
 * which 60,000 are suspended reminders due before the others and 20,000 are active, 100 of them due. With acquisition
 * by due date, PostgreSQL reads the due active jobs from {@code cw_idx_job_due} in due
 * order and stops at the page; the plan is written to {@code target/job-acquisition-plan.txt}.
 */
@PostgresTest
class JobAcquisitionPlanPostgresTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @AfterEach
    void unseed() {
        jdbc.sql("delete from act_ru_job where id_ like 'seed-job-%'").update();
    }

    @Test
    void theAcquisitionReadsTheDueActiveJobsFromTheIndexWithoutScanningTheSuspendedOnes() throws Exception {
        // suspended: due on the mornings before; active: 100 due an hour ago, the rest in the weeks after
        jdbc.sql("""
                insert into act_ru_job (id_, rev_, type_, retries_, duedate_, suspension_state_, handler_type_,
                                        exclusive_, priority_)
                select 'seed-job-' || i, 1, 'timer', 3,
                       case when i <= 60000 then now() - interval '3 days' + (i % 1000) * interval '1 second'
                            when i <= 60100 then now() - interval '1 hour'
                            else now() + (i % 1000) * interval '1 hour' end,
                       case when i <= 60000 then 2 else 1 end, 'timer-transition', true, 0
                from generate_series(1, 80000) i""").update();
        // a job executor at work: 8 jobs locked by another node
        jdbc.sql("""
                update act_ru_job set lock_owner_ = 'other-node', lock_exp_time_ = now() + interval '10 minutes',
                                      process_instance_id_ = 'seed-pi-' || id_
                where id_ in (select 'seed-job-' || i from generate_series(60001, 60008) i)""").update();
        jdbc.sql("analyze act_ru_job").update();
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(cfg.isJobExecutorAcquireByDueDate()).as("job-executor-acquire-by-due-date").isTrue();

        List<String> plan = EnginePlans.explain(cfg, dataSource, "analyze, costs off, timing off",
                "selectNextJobsToExecute", acquisition(cfg));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/job-acquisition-plan.txt"), String.join("\n", plan));
        System.out.println(String.join("\n", plan));
        String text = String.join("\n", plan);
        assertThat(text).contains("cw_idx_job_due").doesNotContain("Seq Scan").doesNotContain("Sort")
                .as("the process instances with a locked exclusive job, from the lock index").contains("cw_idx_job_lock");
        // the index entries read: the page of due jobs, not the 60,000 suspended nor the 19,900 not yet due
        assertThat(text).containsPattern("Index (Only )?Scan using cw_idx_job_due on act_ru_job res \\(actual rows=8 ");
    }

    /** The parameters {@code JobManager.findNextJobsToExecute} binds, from the engine's configuration, a page of 8. */
    private static ListQueryParameterObject acquisition(ProcessEngineConfigurationImpl cfg) {
        Map<String, Object> params = new HashMap<>();
        params.put("now", new Date());
        params.put("alwaysSetDueDate", cfg.isEnsureJobDueDateNotNull());
        params.put("deploymentAware", cfg.isJobExecutorDeploymentAware());
        params.put("historyCleanupEnabled", cfg.isHistoryCleanupEnabled());
        List<QueryOrderingProperty> ordering = new ArrayList<>();
        if (cfg.isJobExecutorAcquireByPriority()) {
            ordering.add(JobManager.JOB_PRIORITY_ORDERING_PROPERTY);
        }
        if (cfg.isJobExecutorPreferTimerJobs()) {
            ordering.add(JobManager.JOB_TYPE_ORDERING_PROPERTY);
        }
        if (cfg.isJobExecutorAcquireByDueDate()) {
            ordering.add(JobManager.JOB_DUEDATE_ORDERING_PROPERTY);
        }
        params.put("orderingProperties", ordering);
        params.put("applyOrdering", !ordering.isEmpty());
        params.put("applyExclusiveOverProcessHierarchies", cfg.isJobExecutorAcquireExclusiveOverProcessHierarchies());
        return new ListQueryParameterObject(params, 0, 8);
    }
}
