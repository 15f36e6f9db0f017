package cn.chuangwei.kernel;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Runs a look-up (or a set-up step such as creating a town's tenant) with the application's rights instead of the
 * caller's, then hands the engine back exactly the authentication it had: the caller's in a request, none in a job.
 * Used to tell "not yours" (403) from "not there" (404) and to read the facts an access check needs; the work itself
 * always runs with the caller's own rights.
 */
@Component
public class AppRights {

    private final IdentityService identity;

    AppRights(IdentityService identity) {
        this.identity = identity;
    }

    public <T> T lookUp(Supplier<T> work) {
        var caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
