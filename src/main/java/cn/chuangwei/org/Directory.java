package cn.chuangwei.org;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * People and groups as Camunda's identity service keeps them. Every signed-in user may read the directory (a global
 * authorization created at start-up); group memberships are written by the campaign process's own asynchronous step,
 * which runs with the engine's rights.
 */
@Service
public class Directory {

    private final IdentityService identity;

    Directory(IdentityService identity) {
        this.identity = identity;
    }

    public boolean userExists(String userId) {
        return userId != null && !userId.isBlank()
                && identity.createUserQuery().userId(userId).count() > 0;
    }

    public String displayName(String userId) {
        User u = identity.createUserQuery().userId(userId).singleResult();
        if (u == null) {
            return userId;
        }
        return cn.chuangwei.kernel.PersonNames.display(u.getFirstName(), u.getLastName(), userId);
    }

    /** People by name for a list or a page: each person looked up once however often they appear. */
    public java.util.function.Function<String, String> displayNames() {
        java.util.Map<String, String> known = new java.util.HashMap<>();
        return userId -> userId == null ? null : known.computeIfAbsent(userId, this::displayName);
    }

    public List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    public List<String> membersOf(String groupId) {
        return identity.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
    }

    /**
     * The members of a group who work in a town (members of its tenant): a group such as the office's holds the people
     * of every town, and a town's matter goes to its own. Without a tenant, every member of the group.
     */
    public List<String> membersOf(String groupId, String tenantId) {
        if (tenantId == null) {
            return membersOf(groupId);
        }
        return identity.createUserQuery().memberOfGroup(groupId).memberOfTenant(tenantId).list().stream()
                .map(User::getId).toList();
    }

    /** Creates the group if it does not exist yet, and puts the user in it if they are not. */
    public void ensureMembership(String userId, String groupId, String groupName, String groupType) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group g = identity.newGroup(groupId);
            g.setName(groupName);
            g.setType(groupType);
            identity.saveGroup(g);
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }
}
