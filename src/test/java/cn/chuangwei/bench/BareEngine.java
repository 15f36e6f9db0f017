package cn.chuangwei.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;

/**
 * The limit the application is measured against: a Camunda engine of the same version on the same PostgreSQL database
 * (the application's, with its data), with the same engine settings (history full, JDBC batching, no execution-tree
 * prefetch) and no application
 * code. It runs the application's deployed {@code patrol-case} process; every delegate and listener the model names
 * is a no-op, and the variables the application's delegates would set (unit, checker, due dates, outcomes) are passed
 * in by the driver instead. Its job executor is off: the lifecycle waits on people, not on jobs.
 */
final class BareEngine implements AutoCloseable {

    /** Every delegate and listener of the model: does nothing. */
    static final class NoOp implements JavaDelegate, TaskListener, ExecutionListener {

        @Override
        public void execute(DelegateExecution execution) {
        }

        @Override
        public void notify(DelegateTask task) {
        }

        @Override
        public void notify(DelegateExecution execution) {
        }
    }

    private static final String[] BEANS = {"routeCaseDelegate", "recordRegistrationListener", "voidCaseDelegate",
            "recordDispatchListener", "recordHandlingListener", "recordFeedbackListener", "escalateCaseDelegate",
            "recordPendingDecisionListener", "recordCheckListener", "notifyCallerDelegate", "reopenCaseDelegate"};

    private final HikariDataSource dataSource;
    private final ProcessEngine engine;

    BareEngine(String jdbcUrl, String user, String password, int poolSize) {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(poolSize);
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration();
        Map<Object, Object> beans = new HashMap<>();
        for (String name : BEANS) {
            beans.put(name, new NoOp());
        }
        config.setBeans(beans);
        config.setProcessEngineName("bare");
        config.setDataSource(dataSource);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        config.setJobExecutorActivate(false);
        // the engine settings of application.yaml that bear on this model's cost
        config.setExecutionTreePrefetchEnabled(false);
        config.setJdbcBatchProcessing(true);
        engine = config.buildProcessEngine();
    }

    /** One patrol case from report to close: the start and the four people's steps, each its own transaction. */
    void oneCase(int i, String unit, String inspector) {
        Instant now = Instant.now();
        Map<String, Object> vars = new HashMap<>();
        vars.put("caseId", 10_000_000L + i);
        vars.put("campaignId", 1L);
        vars.put("caseTitle", "巡查案件" + i);
        vars.put("complaint", false);
        vars.put("caseUnit", unit);
        vars.put("proposedUnit", unit); // the 派遣 task's input "unitCode", as RouteCaseDelegate proposes it
        vars.put("checker", inspector);
        vars.put("registerDue", Date.from(now.plus(1, ChronoUnit.DAYS)));
        vars.put("dispatchDue", Date.from(now.plus(1, ChronoUnit.DAYS)));
        vars.put("handleDue", Date.from(now.plus(3, ChronoUnit.DAYS)));
        vars.put("feedbackDue", Date.from(now.plus(3, ChronoUnit.DAYS)));
        vars.put("feedbackCheckCycle", "R/" + now.plus(3, ChronoUnit.DAYS) + "/P1D");
        vars.put("checkDue", Date.from(now.plus(4, ChronoUnit.DAYS)));
        vars.put("handleCheckCycle", "R/" + now.plus(1, ChronoUnit.DAYS) + "/P1D");
        String pi = engine.getRuntimeService().startProcessInstanceByKey("patrol-case", "bare-" + i, vars).getId();
        complete(pi, "registerCase", Map.of("registerDecision", "REGISTER", "registerOutcome", "REGISTER"));
        complete(pi, "dispatchCase", Map.of("unitCode", unit));
        complete(pi, "handleCase", Map.of("handleOutcome", "HANDLED", "handleResult", "已清运",
                "handleResultOutcome", "HANDLED"));
        complete(pi, "feedbackCase", Map.of("feedbackResult", "已清运，路面已冲洗"));
        complete(pi, "checkCase", Map.of("checkOutcome", "PASS", "checkResult", "PASS"));
        if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).count() != 0) {
            throw new IllegalStateException("bare case " + pi + " did not close");
        }
    }

    private void complete(String pi, String key, Map<String, Object> answers) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
        if (task == null) {
            throw new IllegalStateException("bare case " + pi + " has no " + key);
        }
        engine.getTaskService().complete(task.getId(), answers);
    }

    @Override
    public void close() {
        engine.close();
        dataSource.close();
    }
}
