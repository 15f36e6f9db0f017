package cn.chuangwei.bench;

import cn.chuangwei.patrol.CaseService;
import cn.chuangwei.patrol.PatrolCase;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.task.WorkService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.ZoneId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The patrol-case lifecycle through the application's services, each step as the person who takes it (signed in as
 * the API's filters sign them in: Spring Security and the engine's authorizations): the grid inspector reports, the
 * office registers and dispatches, the unit's head handles, the inspector checks and the case closes.
 */
final class AppCases {

    /** A town whose cases the benchmark drives: its campaign, inspector, office and the unit the cases go to. */
    record Town(long campaignId, String inspector, String office, String unitCode, String head) {
    }

    private static final String[] CATEGORIES = {"GARBAGE", "CLUTTER", "STREET_CLEANLINESS", "ILLEGAL_ADS", "STREET_VENDING"};

    private final CaseService cases;
    private final WorkService work;
    private final TaskService tasks;
    private final IdentityService identity;
    private final Function<String, Object> form;
    private final List<Town> towns;
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
    private final Map<String, List<String>> tenants = new ConcurrentHashMap<>();

    AppCases(ConfigurableApplicationContext app, List<Town> towns) {
        this.cases = app.getBean(CaseService.class);
        this.work = app.getBean(WorkService.class);
        this.tasks = app.getBean(TaskService.class);
        this.identity = app.getBean(IdentityService.class);
        this.form = deployedForms(app);
        this.towns = towns;
    }

    /** The unit's after-photo for 处理反馈 (a PNG's signature is all the check reads). */
    private static final byte[] AFTER_PHOTO = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    /** One case, report to close; returns its process instance's id. */
    String oneCase(int i) {
        Town t = towns.get(i % towns.size());
        PatrolCase c = as(t.inspector(), () -> cases.report(new CaseService.Report(t.campaignId(), "G1",
                CATEGORIES[i % CATEGORIES.length], "NORMAL", "巡查发现问题" + i, "青山路" + i + "号",
                BigDecimal.valueOf(31.23), BigDecimal.valueOf(120.61), null, null, null), false));
        String pi = c.processInstanceId();
        complete(t.office(), pi, "registerCase", Map.of("registerDecision", "REGISTER"));
        complete(t.office(), pi, "dispatchCase", Map.of("unitCode", t.unitCode()));
        complete(t.head(), pi, "handleCase", Map.of("handleOutcome", "HANDLED", "handleResult", "已清运"));
        as(t.head(), () -> cases.photo(c.id(), "处置后.png", "image/png", AFTER_PHOTO, AFTER_PHOTO.length));
        complete(t.head(), pi, "feedbackCase", Map.of("feedbackResult", "已清运，路面已冲洗"));
        complete(t.inspector(), pi, "checkCase", Map.of("checkOutcome", "PASS"));
        String status = as(t.office(), () -> cases.view(c.id()).status());
        if (!"CLOSED".equals(status)) {
            throw new IllegalStateException("case " + c.id() + " is " + status + ", not CLOSED");
        }
        return pi;
    }

    /**
     * The person's step, as two requests of theirs: the work page opens the case's task ({@link WorkService#get}, what
     * {@code /work/tasks/{taskId}} calls, and the task's deployed form with its fields' values, read by the page's
     * {@code work.DeployedForms}), then the form is sent ({@link WorkService#complete}). The task is found as the driver
     * always found it: by case and step, nobody signed in (a person finds it on their task list).
     */
    private void complete(String user, String pi, String key, Map<String, Object> answers) {
        Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
        if (task == null) {
            throw new IllegalStateException("no " + key + " in " + pi);
        }
        as(user, () -> {
            work.get(task.getId());
            return form.apply(task.getId());
        });
        as(user, () -> {
            work.complete(task.getId(), answers);
            return null;
        });
    }

    /**
     * The work page's form read ({@code DeployedForms.ofTask}, package-private in {@code cn.chuangwei.work}: called by
     * reflection, so that the driver runs the page's own code rather than a copy of it).
     */
    private static Function<String, Object> deployedForms(ConfigurableApplicationContext app) {
        try {
            Class<?> type = Class.forName("cn.chuangwei.work.DeployedForms");
            Object bean = app.getBean(type);
            Method ofTask = type.getDeclaredMethod("ofTask", String.class, ZoneId.class);
            ofTask.setAccessible(true);
            return taskId -> {
                try {
                    return ofTask.invoke(bean, taskId, TestClock.ZONE);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the work page's DeployedForms.ofTask(String, ZoneId) is gone", e);
        }
    }

    /**
     * Runs the work signed in as the user with their groups and towns, as a request of theirs would (with a request
     * scope of its own: the application reads the caller's towns once a request).
     */
    <T> T as(String user, Supplier<T> work) {
        List<String> memberOf = groups.computeIfAbsent(user, u -> identity.createGroupQuery().groupMember(u).list()
                .stream().map(Group::getId).toList());
        List<String> inTowns = tenants.computeIfAbsent(user, u -> identity.createTenantQuery().userMember(u)
                .includingGroupsOfUser(true).list().stream().map(org.camunda.bpm.engine.identity.Tenant::getId).toList());
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                memberOf.stream().map(SimpleGrantedAuthority::new).toList()));
        identity.setAuthentication(user, memberOf, inTowns);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            return work.get();
        } finally {
            RequestContextHolder.resetRequestAttributes();
            identity.clearAuthentication();
            SecurityContextHolder.clearContext();
        }
    }
}
