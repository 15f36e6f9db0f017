package cn.chuangwei.org;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.chuangwei.kernel.Groups;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Start-up (every profile): the application's groups, the authorizations that let each role do its part in Tasklist,
 * and the shared Tasklist filters 本单位待办, 待我签批 and 已逾期. Idempotent: a restart adds only what is missing.
 */
@Component
@Order(0)
class AccessSetup implements ApplicationRunner {

    static final String FILTER_UNIT = "本单位待办";
    static final String FILTER_SIGN = "待我签批";
    static final String FILTER_OVERDUE = "已逾期";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    AccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters, TaskService tasks) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        setUp();
    }

    void setUp() {
        tasksAreWorkedNotEdited();
        group(Groups.LEADING_GROUP, "领导小组");
        group(Groups.OFFICE, "创卫办");
        group(Groups.SUPERVISORS, "督查组");
        group(Groups.COUNTY_OFFICE, "县（市）爱卫办");
        group("grid-inspectors", "网格员");
        group("hotline", "热线受理员");

        // Everyone signed in: Tasklist, the directory of people, and the process models behind their forms.
        global(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        global(Resources.USER, ANY, Permissions.READ);
        global(Resources.GROUP, ANY, Permissions.READ);
        global(Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        global(Resources.DECISION_DEFINITION, ANY, Permissions.READ);

        // The office starts campaigns (also from Tasklist's start form).
        grant(Groups.OFFICE, Resources.PROCESS_DEFINITION, "campaign", Permissions.READ, Permissions.CREATE_INSTANCE);
        grant(Groups.OFFICE, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        // Inspectors, supervisors, the hotline and the office report cases (each starts a patrol-case process).
        for (String g : List.of("grid-inspectors", "hotline", Groups.SUPERVISORS)) {
            grant(g, Resources.PROCESS_DEFINITION, "patrol-case", Permissions.READ, Permissions.CREATE_INSTANCE);
            grant(g, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
        grant(Groups.OFFICE, Resources.PROCESS_DEFINITION, "patrol-case", Permissions.READ, Permissions.CREATE_INSTANCE);
        // The office, the supervisors and the leading group see every task and process of a campaign (of their towns:
        // the engine's tenant check), and so does a county's office for the towns below it, without working on any.
        for (String g : List.of(Groups.OFFICE, Groups.SUPERVISORS, Groups.LEADING_GROUP, Groups.COUNTY_OFFICE)) {
            grant(g, Resources.TASK, ANY, Permissions.READ);
            grant(g, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            grant(g, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
                    Permissions.READ_HISTORY);
        }

        filter(FILTER_UNIT, "本单位（及本人所在用户组）的待办任务", -10,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .active());
        filter(FILTER_SIGN, "待我签批的阶段验收和组长决定", -5,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                        .taskDefinitionKeyIn("signGate", "leaderDecision"));
        filter(FILTER_OVERDUE, "已超过完成时限的任务（督查）", 0,
                tasks.createTaskQuery().dueBeforeExpression("${now()}"));
    }

    /**
     * Tasks created before TASK_WORK became the engine's default permission for a task's assignee and candidates kept
     * UPDATE, with which they could move its due date or hand it on through the REST API: they keep only the work.
     */
    private void tasksAreWorkedNotEdited() {
        for (Authorization a : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .hasPermission(Permissions.UPDATE).list()) {
            if (a.getAuthorizationType() == AUTH_TYPE_GRANT && !ANY.equals(a.getResourceId())) {
                a.removePermission(Permissions.UPDATE);
                a.addPermission(Permissions.TASK_WORK);
                authorizations.saveAuthorization(a);
            }
        }
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group g = identity.newGroup(id);
            g.setName(name);
            g.setType("WORKFLOW");
            identity.saveGroup(g);
        }
    }

    private void global(Resource resource, String resourceId, Permission... permissions) {
        if (authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL).resourceType(resource)
                .resourceId(resourceId).count() == 0) {
            Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
            a.setUserId(ANY);
            save(a, resource, resourceId, permissions);
        }
    }

    /** Grants the permissions, adding those missing to the group's existing authorization of the resource. */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).singleResult();
        if (existing == null) {
            Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            a.setGroupId(group);
            save(a, resource, resourceId, permissions);
            return;
        }
        boolean changed = false;
        for (Permission p : permissions) {
            if (!existing.isPermissionGranted(p)) {
                existing.addPermission(p);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(existing);
        }
    }

    private void save(Authorization a, Resource resource, String resourceId, Permission... permissions) {
        a.setResource(resource);
        a.setResourceId(resourceId);
        for (Permission p : permissions) {
            a.addPermission(p);
        }
        authorizations.saveAuthorization(a);
    }

    private void filter(String name, String description, int priority, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter f = filters.newTaskFilter(name);
        f.setOwner(null);
        f.setQuery(query);
        f.setProperties(Map.of("description", description, "priority", priority, "refresh", true,
                "variables", List.of(Map.of("name", "unitName", "label", "责任单位"),
                        Map.of("name", "phaseName", "label", "阶段"),
                        Map.of("name", "campaignName", "label", "创建活动"))));
        filters.saveFilter(f);
        global(Resources.FILTER, f.getId(), Permissions.READ);
    }
}
