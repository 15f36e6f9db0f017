package cn.chuangwei.notify;

import cn.chuangwei.kernel.CurrentUser;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The office words the mails: every template in Chinese and English. */
@RestController
@RequestMapping("/api/mail-templates")
class MailTemplateController {

    record Body(String subject, String body) {
    }

    private final MailTemplates templates;
    private final CurrentUser currentUser;
    private final Clock clock;

    MailTemplateController(MailTemplates templates, CurrentUser currentUser, Clock clock) {
        this.templates = templates;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping
    List<MailTemplates.Template> all() {
        currentUser.requireOffice();
        return templates.all();
    }

    @PutMapping("/{key}/{locale}")
    MailTemplates.Template save(@PathVariable String key, @PathVariable String locale, @RequestBody Body body) {
        currentUser.requireOffice();
        return templates.save(key, locale, body == null ? null : body.subject(), body == null ? null : body.body(),
                currentUser.id(), clock.instant());
    }
}
