package cn.chuangwei.acceptance;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who owns an open acceptance or 复审 step: the person who claimed it, else its candidates (the authority's people, see
 * {@link AcceptanceOwners}, or the town's office as a group). The overdue mail goes to them; the 申报验收 page names them.
 */
@Component
class StepOwners {

    /** The claimant, or none; the candidate people; the candidate groups. */
    record Owners(String assignee, List<String> users, List<String> groups) {
    }

    private final TaskService tasks;

    StepOwners(TaskService tasks) {
        this.tasks = tasks;
    }

    Owners of(Task task) {
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        if (task.getAssignee() == null) {
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    continue;
                }
                if (link.getUserId() != null) {
                    users.add(link.getUserId());
                } else if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
        }
        return new Owners(task.getAssignee(), users, groups);
    }
}
