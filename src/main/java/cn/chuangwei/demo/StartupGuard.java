package cn.chuangwei.demo;

import cn.chuangwei.demo.DemoData;
import cn.chuangwei.kernel.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo (chuangwei.demo.enabled=false) the application refuses to start while a known demo password opens
 * it: the administrator configured with the demo's password, or a demo login that still has its password. The reason
 * is given in Chinese and English; delete the account or change its password (Camunda Admin), then start again.
 */
@Component
@Order(-10)
class StartupGuard implements ApplicationRunner {

    /** The demo's passwords: every demo login's, and the administrator's in the embedded default. */
    static final Set<String> KNOWN = Set.of(DemoData.PASSWORD, "chuangwei", "admin", "password", "123456");

    private final IdentityService identity;
    private final Texts texts;
    private final boolean demo;
    private final String adminId;
    private final String adminPassword;

    StartupGuard(IdentityService identity, Texts texts, DemoSettings settings,
                 @Value("${camunda.bpm.admin-user.id:}") String adminId,
                 @Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
        this.identity = identity;
        this.texts = texts;
        this.demo = settings.enabled();
        this.adminId = adminId;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo) {
            return;
        }
        List<String> open = new ArrayList<>();
        if (!adminId.isBlank() && KNOWN.contains(adminPassword)) {
            open.add(adminId);
        }
        for (String id : DemoData.logins()) {
            if (!open.contains(id) && identity.createUserQuery().userId(id).count() > 0
                    && identity.checkPassword(id, DemoData.PASSWORD)) {
                open.add(id);
            }
        }
        if (identity.createUserQuery().userId("admin").count() > 0 && !open.contains("admin")
                && identity.checkPassword("admin", "chuangwei")) {
            open.add("admin");
        }
        if (!open.isEmpty()) {
            String who = String.join(", ", open);
            throw new IllegalStateException(texts.zh("startup.demo-password", who) + " / "
                    + texts.en("startup.demo-password", who));
        }
    }
}
