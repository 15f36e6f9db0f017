package cn.chuangwei.supervision;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit's filters as the board's address carries them ({@code phase}, {@code unit}, {@code level}, {@code minDays},
 * {@code critical}), so that a filtered view can be shared, exported, and returned to from the circular's preview. Blank
 * means any; the values are checked by {@link SupervisionService.Filter#parse}.
 */
public record AuditQuery(String phase, String unit, String level, String minDays, String critical) {

    static AuditQuery of(String phase, String unit, String level, String minDays, String critical) {
        return new AuditQuery(blank(phase), blank(unit), blank(level), blank(minDays), blank(critical));
    }

    SupervisionService.Filter filter(long campaignId) {
        return SupervisionService.Filter.parse(campaignId, phase, unit, null, level, minDays, critical);
    }

    /** The filters that are set, in the address's order. */
    public Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        Optional.ofNullable(phase).ifPresent(v -> p.put("phase", v));
        Optional.ofNullable(unit).ifPresent(v -> p.put("unit", v));
        Optional.ofNullable(level).ifPresent(v -> p.put("level", v));
        Optional.ofNullable(minDays).ifPresent(v -> p.put("minDays", v));
        Optional.ofNullable(critical).ifPresent(v -> p.put("critical", v));
        return p;
    }

    /** {@code path} with the filters, then {@code lang} when given. */
    String href(String path, String lang) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        params().forEach(b::queryParam);
        if (lang != null) {
            b.queryParam("lang", lang);
        }
        return b.build().encode().toUriString();
    }

    public boolean any() {
        return !params().isEmpty();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
