package cn.chuangwei.notify;

import cn.chuangwei.kernel.ApiException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The mail templates, one per kind of mail and language, kept in the database so that the office can word them.
 * A template names its values as {@code {placeholder}}; each kind has placeholders it must use and others it may.
 */
@Service
class MailTemplates {

    public static final String ZH = "zh-CN";
    public static final String EN = "en";
    public static final List<String> LOCALES = List.of(ZH, EN);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    /** For each kind of mail: the placeholders it must use, then those it may use. */
    static final Map<String, List<Set<String>>> PLACEHOLDERS = Map.of(
            "TASK_ASSIGNED", List.of(Set.of("recipientName", "campaignName", "unitName", "taskTitle", "deadline", "link"),
                    Set.of("phaseName", "taskTarget")),
            "REMINDER", List.of(Set.of("recipientName", "taskTitle", "deadline", "link"),
                    Set.of("campaignName", "phaseName", "unitName")),
            "ESCALATION", List.of(Set.of("recipientName", "unitName", "taskTitle", "deadline", "levelName", "link"),
                    Set.of("campaignName", "phaseName", "situation", "interviewNote", "daysOverdue")),
            "CIRCULAR_ISSUED", List.of(Set.of("recipientName", "circularTitle", "circularNumber", "link"),
                    Set.of("campaignName", "issuingOffice", "unitCount", "taskCount")),
            "CASE_RESULT", List.of(Set.of("recipientName", "caseNumber", "result"),
                    Set.of("reportedOn", "description", "address", "unitName", "categoryName")),
            "CASE_ESCALATION", List.of(Set.of("recipientName", "unitName", "caseNumber", "deadline", "levelName", "link"),
                    Set.of("campaignName", "address", "description", "situation", "interviewNote", "daysOverdue",
                            "categoryName", "gridName")),
            "STEP_OVERDUE", List.of(Set.of("recipientName", "campaignName", "taskTitle", "deadline", "link"), Set.of()),
            "DIGEST", List.of(Set.of("recipientName", "count", "lines"), Set.of("link")));

    /** A template of one kind and language. */
    public record Template(String key, String locale, String subject, String body, String updatedBy, Instant updatedAt) {
    }

    /** A rendered mail. */
    public record Rendered(String subject, String body) {
    }

    private final JdbcClient jdbc;

    MailTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Template> all() {
        return jdbc.sql("select * from mail_template order by template_key, locale").query((rs, n) -> new Template(
                rs.getString("template_key"), rs.getString("locale"), rs.getString("subject"), rs.getString("body"),
                rs.getString("updated_by"), rs.getTimestamp("updated_at") == null ? null
                        : rs.getTimestamp("updated_at").toInstant())).list();
    }

    Optional<Template> find(String key, String locale) {
        return all().stream().filter(t -> t.key().equals(key) && t.locale().equals(locale)).findFirst();
    }

    /** Renders a mail in the given language, falling back to Chinese. */
    public Rendered render(String key, String locale, Map<String, String> values) {
        Template t = find(key, locale).or(() -> find(key, ZH))
                .orElseThrow(() -> new IllegalStateException("no mail template " + key));
        return new Rendered(fill(t.subject(), values), fill(t.body(), values));
    }

    /** Checks and saves a template: every required placeholder used, no unknown one. */
    public Template save(String key, String locale, String subject, String body, String user, Instant now) {
        List<Set<String>> allowed = PLACEHOLDERS.get(key);
        if (allowed == null) {
            throw ApiException.notFound("unknown-template-key", key);
        }
        if (!LOCALES.contains(locale)) {
            throw ApiException.badRequest("invalid-choice", "locale", "locale", locale, String.join(", ", LOCALES));
        }
        if (subject == null || subject.isBlank()) {
            throw ApiException.badRequest("required", "subject", "subject");
        }
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("required", "body", "body");
        }
        if (subject.length() > 300) {
            throw ApiException.badRequest("too-long", "subject", "subject", 300);
        }
        if (body.length() > 8000) {
            throw ApiException.badRequest("too-long", "body", "body", 8000);
        }
        Set<String> used = new LinkedHashSet<>(placeholders(subject));
        used.addAll(placeholders(body));
        for (String p : used) {
            if (!allowed.get(0).contains(p) && !allowed.get(1).contains(p)) {
                throw ApiException.badRequest("template-unknown-placeholder", "body", "{" + p + "}");
            }
        }
        for (String p : allowed.get(0).stream().sorted().toList()) {
            if (!used.contains(p)) {
                throw ApiException.badRequest("template-missing-placeholder", "body", "{" + p + "}");
            }
        }
        int updated = jdbc.sql("""
                update mail_template set subject = :s, body = :b, updated_by = :u, updated_at = :t
                where template_key = :k and locale = :l""")
                .param("s", subject).param("b", body).param("u", user).param("t", Timestamp.from(now))
                .param("k", key).param("l", locale).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into mail_template (template_key, locale, subject, body, updated_by, updated_at)
                    values (:k, :l, :s, :b, :u, :t)""")
                    .param("s", subject).param("b", body).param("u", user).param("t", Timestamp.from(now))
                    .param("k", key).param("l", locale).update();
        }
        return find(key, locale).orElseThrow();
    }

    static Set<String> placeholders(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
