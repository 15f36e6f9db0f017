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
 * Two indexes Camunda's schema lacks, created at start-up once the engine has its tables (in PostgreSQL and H2 alike).
 * Without them the province benchmark found two full scans in the engine's hot paths (bench/results/ANALYSIS.md):
 * every completed task looks for its subtasks by {@code PARENT_TASK_ID_}, reading every running task (20,000 at
 * province scale), and every command of a signed-in user asks whether any revoking authorization exists
 * ({@code TYPE_ = 2}), reading every authorization (one per open task and candidate group).
 */
@Component
@Order(-20)
class EngineIndexes implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

    static final List<String> INDEXES = List.of(
            "create index if not exists cw_idx_task_parent on act_ru_task (parent_task_id_)",
            "create index if not exists cw_idx_auth_type on act_ru_authorization (type_)");

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
