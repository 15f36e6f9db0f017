package cn.chuangwei.kernel;

import cn.chuangwei.kernel.CurrentUser;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Runs a look-up of an API request with the application's rights instead of the caller's, then hands the caller's
 * authentication back to the engine. Used to tell "not yours" (403) from "not there" (404) and to read the facts an
 * access check needs; the work itself always runs with the caller's own rights.
 */
@Component
public class AppRights {

    private final IdentityService identity;
    private final CurrentUser currentUser;

    AppRights(IdentityService identity, CurrentUser currentUser) {
        this.identity = identity;
        this.currentUser = currentUser;
    }

    public <T> T lookUp(Supplier<T> work) {
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (currentUser.signedIn()) {
                identity.setAuthentication(currentUser.id(), currentUser.groups(), currentUser.tenants());
            }
        }
    }
}
