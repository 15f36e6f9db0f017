package cn.chuangwei.ops;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes Camunda's schema lacks, created at start-up once the engine has its tables (in PostgreSQL and H2 alike).
 * Without them the province benchmark found full scans in the engine's hot paths (bench/results/ANALYSIS.md):
 * every completed task looks for its subtasks by {@code PARENT_TASK_ID_}, reading every running task (20,000 at
 * province scale); the job executor, acquiring by due date, reads the active jobs in due order rather than scanning
 * the suspended ones too. The index on the authorizations' {@code TYPE_} once served the engine's question whether a revoking
 * authorization exists; revokes are never checked now ({@link OwnGroupAuthorizations}), and the index is dropped.
 */
@Component
@Order(-20)
class EngineIndexes implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

    static final List<String> INDEXES = List.of(
            "create index if not exists cw_idx_task_parent on act_ru_task (parent_task_id_)",
            // job acquisition by due date among active jobs, and its look-up of the process instances whose exclusive jobs
            // are locked now (JobAcquisitionPlanPostgresTest): without them each acquisition reads every job twice
            "create index if not exists cw_idx_job_due on act_ru_job (suspension_state_, duedate_)",
            "create index if not exists cw_idx_job_lock on act_ru_job (lock_exp_time_)",
            // was created for the revoke question (TYPE_ = 2), which the engine no longer asks (OwnGroupAuthorizations);
            // Camunda's own ACT_UNIQ_AUTH_USER/GROUP lead with TYPE_ anyway (AuthorizationPlansPostgresTest)
            "drop index if exists cw_idx_auth_type");

    private final JdbcClient jdbc;

    /** The engine is a parameter so that its tables exist before this runs. */
    EngineIndexes(JdbcClient jdbc, ProcessEngine engine) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String ddl : INDEXES) {
            try {
                jdbc.sql(ddl).update();
            } catch (DataAccessException e) {
                // another node created it at the same moment: it is there either way
                LOG.warn("Index not created ({}): {}", ddl, e.getMessage());
            }
        }
    }
}
