package cn.chuangwei.acceptance;

import cn.chuangwei.kernel.Groups;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The owners of a higher authority's step ({@code acceptance.bpmn}, {@code maintenance.bpmn}): the people of the
 * authority's office when it has any in the system (its candidate users), else the town's office (candidate group
 * {@code campaign-office}), who records the result the authority gave. The office is computed once, when the process
 * plans its route ({@link AcceptanceRoute}); the models call these methods for candidateUsers and candidateGroups, which
 * need a public class.
 */
@Component("acceptanceOwners")
public class AcceptanceOwners {

    /** The office's people, or none. */
    public List<String> users(String office) {
        return office == null || office.isBlank() ? List.of()
                : Arrays.stream(office.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The town's office when the authority has nobody in the system, else none. */
    public List<String> groups(String office) {
        return users(office).isEmpty() ? List.of(Groups.OFFICE) : List.of();
    }
}
