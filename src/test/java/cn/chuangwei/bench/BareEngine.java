package cn.chuangwei.bench;

import cn.chuangwei.kernel.AppRights;
import cn.chuangwei.org.Region;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The limit the application is measured against: a Camunda engine of the same version on the same PostgreSQL database
 * (the application's, with its data), with the same engine settings (history full, JDBC batching, no execution-tree
 * prefetch, UUID ids, Spring-managed transactions as the application's) and no application code. It runs the application's
 * deployed {@code patrol-case} process; every delegate and listener the model names is a no-op, and the variables the
 * application's delegates would set (unit, checker, due dates, outcomes) are passed in by the driver instead. Its job
 * executor is off: the lifecycle waits on people, not on jobs. Its cases run in the campaign's town's tenant, as the
 * application's do ({@code ops.TownTenants}): a tenant id provider of its own, by the campaign's town.
 *
 * <p>Two ways to run it ({@link Authorizations}):
 * <ul>
 *   <li>{@code OFF}: authorizations off, nobody signed in: Camunda alone, the cost of the process and its history.</li>
 *   <li>{@code ON}: {@code authorizationEnabled=true} with the application's authorization settings (application.yaml's
 *       {@code camunda.bpm.authorization.enabled: true}, Camunda's defaults otherwise: tenant checks on,
 *       {@code authorizationCheckRevokes} {@code auto}; {@code defaultUserPermissionNameForTask: TASK_WORK}, so the
 *       engine's default authorization provider writes the same grant for a task's candidate groups and assignee).
 *       Every step runs signed in as the person the application signs in for it, with the same groups and towns read
 *       from the database ({@code identityService.setAuthentication(user, groups, tenants)}), against the application's
 *       authorization rows in the same database. Where the application lifts the engine's checks for a look-up
 *       ({@code kernel.AppRights.lookUp}: finding the task, reading its candidate links), this engine lifts them too,
 *       with the same {@code AppRights} on its own identity service, so the same checks run on both. The engine is
 *       <b>vanilla Camunda</b>: none of the application's engine plugins ({@code cn.chuangwei.ops}), in particular not
 *       the one that replaces the per-command {@code select distinct GROUP_ID_} scan and sets
 *       {@code authorizationCheckRevokes=never}: this is the engine as Camunda ships it, which the application's
 *       plugins are measured against.</li>
 * </ul>
 *
 * <p>A step is what a person does in the workbench: the page opens the task ({@code WorkService.get}: the task and its
 * candidate links looked up, its context and form variables read signed in) and its deployed Camunda Form
 * ({@code FormService.getDeployedTaskForm}, then the form's fields' values with {@code getTaskFormVariables}); the
 * person sends the form: the task looked up again, claimed if unassigned and completed, in one transaction
 * ({@code WorkService.complete}). Only public engine API, the same calls as the application's.
 */
final class BareEngine implements AutoCloseable {

    /** Whether the engine checks authorizations, with the application's people signed in. */
    enum Authorizations { OFF, ON }

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
    /** The variables {@code WorkService.get} reads for a task's context and its form's heading. */
    private static final List<String> CONTEXT = List.of("campaignId", "phase", "taskRowId", "unitCode");
    private static final List<String> FORM_HEADING = List.of("campaignName", "phaseName", "unitName", "taskTitle",
            "taskTarget", "taskDeadlineText", "resultSummary", "lastReturnReason", "area", "areaName", "itemsText",
            "indicatorsText");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HikariDataSource dataSource;
    private final ProcessEngine engine;
    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final AppRights appRights;
    private final TransactionTemplate transaction;
    private final Authorizations authorizations;
    /** Each campaign's town (tenant), as the application's campaigns table has it. */
    private final Map<Long, String> towns = new HashMap<>();
    private final Map<String, Authentication> people = new ConcurrentHashMap<>();

    BareEngine(String jdbcUrl, String user, String password, int poolSize) {
        this(jdbcUrl, user, password, poolSize, Authorizations.OFF);
    }

    BareEngine(String jdbcUrl, String user, String password, int poolSize, Authorizations authorizations) {
        this.authorizations = authorizations;
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(poolSize);
        readTowns();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        transaction = new TransactionTemplate(transactions);
        SpringProcessEngineConfiguration config = new SpringProcessEngineConfiguration();
        Map<Object, Object> beans = new HashMap<>();
        for (String name : BEANS) {
            beans.put(name, new NoOp());
        }
        config.setBeans(beans);
        config.setProcessEngineName("bare-" + authorizations.name().toLowerCase());
        config.setDataSource(dataSource);
        config.setTransactionManager(transactions);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        config.setJobExecutorActivate(false);
        // the engine settings of application.yaml that bear on this model's cost
        config.setExecutionTreePrefetchEnabled(false);
        config.setJdbcBatchProcessing(true);
        // the application's ids (the Spring Boot starter's default, camunda.bpm.id-generator: strong), not the
        // standalone engine's numbers from blocks in act_ge_property
        config.setIdGenerator(new StrongUuidGenerator());
        config.setTenantIdProvider(new Towns());
        // and its authorization settings (camunda.bpm.authorization.*, generic-properties), Camunda's defaults otherwise
        config.setAuthorizationEnabled(authorizations == Authorizations.ON);
        config.setDefaultUserPermissionNameForTask("TASK_WORK");
        engine = config.buildProcessEngine();
        tasks = engine.getTaskService();
        forms = engine.getFormService();
        identity = engine.getIdentityService();
        appRights = appRights(identity);
    }

    /** Puts a case's process instance into its campaign's town, as the application's {@code TownTenants} does. */
    private final class Towns implements TenantIdProvider {

        @Override
        public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
            return ctx.getVariables().get("campaignId") instanceof Number id ? towns.get(id.longValue()) : null;
        }

        @Override
        public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
            return null;
        }

        @Override
        public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
            return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
        }
    }

    private void readTowns() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, town_id from campaign where town_id is not null")) {
            while (rs.next()) {
                towns.put(rs.getLong(1), Region.tenantOf(rs.getLong(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("campaigns' towns", e);
        }
    }

    /**
     * One patrol case (authorizations off only; the town's people are not needed): kept for the orchestrator's
     * in-process run.
     */
    String oneCase(int i, String unit, String inspector) {
        if (authorizations == Authorizations.ON) {
            throw new IllegalStateException("with authorizations, a case needs its town's people");
        }
        return oneCase(i, new AppCases.Town(1L, inspector, "office", unit, "head"));
    }

    /**
     * One patrol case from report to close, as the application's driver takes it ({@link AppCases#oneCase}): the
     * inspector reports, the office registers and dispatches, the unit's head handles and feeds back, the inspector
     * checks; each step opened and sent by its person. Returns the case's process instance id.
     */
    String oneCase(int i, AppCases.Town t) {
        Instant now = Instant.now();
        Map<String, Object> vars = new HashMap<>();
        vars.put("caseId", 10_000_000L + i);
        vars.put("campaignId", t.campaignId());
        vars.put("caseTitle", "巡查案件" + i);
        vars.put("complaint", false);
        vars.put("caseUnit", t.unitCode());
        vars.put("proposedUnit", t.unitCode()); // the 派遣 task's input "unitCode", as RouteCaseDelegate proposes it
        vars.put("checker", t.inspector());
        vars.put("registerDue", Date.from(now.plus(1, ChronoUnit.DAYS)));
        vars.put("dispatchDue", Date.from(now.plus(1, ChronoUnit.DAYS)));
        vars.put("handleDue", Date.from(now.plus(3, ChronoUnit.DAYS)));
        vars.put("feedbackDue", Date.from(now.plus(3, ChronoUnit.DAYS)));
        vars.put("feedbackCheckCycle", "R/" + now.plus(3, ChronoUnit.DAYS) + "/P1D");
        vars.put("checkDue", Date.from(now.plus(4, ChronoUnit.DAYS)));
        vars.put("handleCheckCycle", "R/" + now.plus(1, ChronoUnit.DAYS) + "/P1D");
        // the application's CaseService.report starts the process signed in as the reporter
        String pi = as(t.inspector(), () -> engine.getRuntimeService()
                .startProcessInstanceByKey("patrol-case", businessKey(i), vars).getId());
        step(t.office(), pi, "registerCase", Map.of("registerDecision", "REGISTER", "registerOutcome", "REGISTER"));
        step(t.office(), pi, "dispatchCase", Map.of("unitCode", t.unitCode()));
        step(t.head(), pi, "handleCase", Map.of("handleOutcome", "HANDLED", "handleResult", "已清运",
                "handleResultOutcome", "HANDLED"));
        step(t.head(), pi, "feedbackCase", Map.of("feedbackResult", "已清运，路面已冲洗"));
        step(t.inspector(), pi, "checkCase", Map.of("checkOutcome", "PASS", "checkResult", "PASS"));
        if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).count() != 0) {
            throw new IllegalStateException("bare case " + pi + " did not close");
        }
        return pi;
    }

    /** The business key of the bare engine's case number i. */
    static String businessKey(int i) {
        return "bare-" + i;
    }

    /**
     * The person's step: found as the application's driver finds it (a query by case and step, nobody signed in), then
     * the task's page opened and its form sent, each signed in as the person.
     */
    private void step(String user, String pi, String key, Map<String, Object> answers) {
        Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
        if (task == null) {
            throw new IllegalStateException("bare case " + pi + " has no " + key);
        }
        as(user, () -> {
            open(user, task.getId());
            return null;
        });
        as(user, () -> {
            send(user, task.getId(), answers);
            return null;
        });
    }

    /** The work page: {@code WorkService.get} (the task, its candidates, its variables) and the deployed form. */
    private void open(String user, String taskId) {
        visibleTask(user, taskId);
        tasks.getVariables(taskId, CONTEXT);
        tasks.getVariables(taskId, FORM_HEADING);
        JsonNode schema;
        try (InputStream in = forms.getDeployedTaskForm(taskId)) {
            schema = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the fields' keys and the variables holding their options, nested components included
        Set<String> keys = new LinkedHashSet<>(schema.findValuesAsText("key"));
        keys.addAll(schema.findValuesAsText("valuesKey"));
        if (!keys.isEmpty()) {
            forms.getTaskFormVariables(taskId, new ArrayList<>(keys), false);
        }
    }

    /** The form sent: {@code WorkService.complete}, one transaction: the task looked up, claimed if open, completed. */
    private void send(String user, String taskId, Map<String, Object> answers) {
        transaction.executeWithoutResult(status -> {
            Task task = visibleTask(user, taskId);
            if (task.getAssignee() == null) {
                tasks.claim(taskId, user);
            }
            tasks.complete(taskId, new HashMap<>(answers));
        });
    }

    /** {@code WorkService.visibleTask}: the task and (unassigned) its candidate links, looked up with checks lifted. */
    private Task visibleTask(String user, String taskId) {
        Task task = lifted(() -> tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
        if (task == null) {
            throw new IllegalStateException("no task " + taskId);
        }
        if (task.getAssignee() == null) {
            List<IdentityLink> links = lifted(() -> tasks.getIdentityLinksForTask(taskId));
            if (links.isEmpty()) {
                throw new IllegalStateException("task " + taskId + " has no candidates");
            }
        } else if (!task.getAssignee().equals(user)) {
            throw new IllegalStateException("task " + taskId + " is " + task.getAssignee() + "'s, not " + user + "'s");
        }
        return task;
    }

    /**
     * Runs the work signed in as the user with their groups and towns (read once, from the same database), as the
     * application signs a request in; with authorizations off, nobody is signed in (Camunda alone).
     */
    private <T> T as(String user, Supplier<T> work) {
        if (authorizations == Authorizations.OFF) {
            return work.get();
        }
        identity.setAuthentication(people.computeIfAbsent(user, this::person));
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private Authentication person(String user) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        List<String> tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList();
        return new Authentication(user, groups, tenants);
    }

    /**
     * A look-up with the engine's checks lifted: the application's own {@link AppRights#lookUp}, on this engine's
     * identity service (its constructor is package-private: made by reflection), so that both lift alike.
     */
    private <T> T lifted(Supplier<T> work) {
        return appRights.lookUp(work);
    }

    private static AppRights appRights(IdentityService identity) {
        try {
            Constructor<AppRights> make = AppRights.class.getDeclaredConstructor(IdentityService.class);
            make.setAccessible(true);
            return make.newInstance(identity);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("AppRights(IdentityService) is gone", e);
        }
    }

    @Override
    public void close() {
        engine.close();
        dataSource.close();
    }
}
