package cn.chuangwei.demo;

import cn.chuangwei.demo.DemoData;
import cn.chuangwei.kernel.SiteSettings;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.ops.StoredPasswords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo (chuangwei.demo.enabled=false) the application refuses to start while a known demo password opens
 * it: the administrator configured with the demo's password, or a demo login that still has its password; and while
 * the links in its mails would point at localhost (chuangwei.base-url). The reason is given in Chinese and English;
 * delete the account or change its password (Camunda Admin), set the public address, then start again.
 */
@Component
@Order(-10)
class StartupGuard implements ApplicationRunner {

    /** The demo's passwords: every demo login's, and the administrator's in the embedded default. */
    static final Set<String> KNOWN = Set.of(DemoData.PASSWORD, "chuangwei", "admin", "password", "123456");

    private final StoredPasswords passwords;
    private final Texts texts;
    private final boolean demo;
    private final SiteSettings site;
    private final String adminId;
    private final String adminPassword;

    StartupGuard(StoredPasswords passwords, Texts texts, DemoSettings settings, SiteSettings site,
                 @Value("${camunda.bpm.admin-user.id:}") String adminId,
                 @Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
        this.passwords = passwords;
        this.texts = texts;
        this.demo = settings.enabled();
        this.site = site;
        this.adminId = adminId;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo) {
            return;
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        List<String> open = openLogins();
        if (!open.isEmpty()) {
            reasons.put("startup.demo-password", String.join(", ", open));
        }
        if (site.local()) {
            reasons.put("startup.base-url", site.baseUrl());
        }
        if (!reasons.isEmpty()) {
            throw new IllegalStateException(say(reasons, texts::zh) + " / " + say(reasons, texts::en));
        }
    }

    private static String say(Map<String, String> reasons, BiFunction<String, Object[], String> text) {
        return reasons.entrySet().stream().map(r -> text.apply(r.getKey(), new Object[] {r.getValue()}))
                .collect(Collectors.joining(" "));
    }

    /** The logins a known demo password still opens. */
    private List<String> openLogins() {
        List<String> open = new ArrayList<>();
        if (!adminId.isBlank() && KNOWN.contains(adminPassword)) {
            open.add(adminId);
        }
        for (String id : demoLogins()) {
            if (!open.contains(id) && opens(id, DemoData.PASSWORD)) {
                open.add(id);
            }
        }
        if (!open.contains("admin") && opens("admin", "chuangwei")) {
            open.add("admin");
        }
        return open;
    }

    /** Every login the demo makes: the 创卫 town's, then the 创文 and 创森 towns'. */
    static List<String> demoLogins() {
        List<String> all = new ArrayList<>(DemoData.logins());
        all.addAll(DemoKinds.logins());
        return all;
    }

    private boolean opens(String id, String password) {
        return passwords.opens(id, password);
    }
}
