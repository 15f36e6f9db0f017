package cn.chuangwei.standard;

import cn.chuangwei.kernel.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a standard file whole before anything of it is written; a refusal names the item or indicator.
 * {@link #problems} lists every field at fault (a workbook's import shows them all), {@link #check} refuses with the
 * first.
 */
final class StandardRules {

    private static final Pattern STANDARD_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");
    private static final Pattern AREA_CODE = Pattern.compile("[A-Z][A-Z_]{2,39}");
    private static final Pattern ITEM_CODE = Pattern.compile("[A-Z]{2,5}-\\d{2}");
    private static final Pattern INDICATOR_CODE = Pattern.compile("[A-Z][A-Z_]{2,39}");

    private StandardRules() {
    }

    /** Refuses a standard with its first field at fault. */
    static void check(StandardFile s) {
        List<ApiException> problems = problems(s);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
    }

    /** Every field at fault, each field's first rule broken, in the file's order; empty when it may be written. */
    static List<ApiException> problems(StandardFile s) {
        List<ApiException> p = new ArrayList<>();
        if (s == null) {
            p.add(ApiException.badRequest("required", "standard", "standard"));
            return p;
        }
        if (s.code() == null || !STANDARD_CODE.matcher(s.code()).matches()) {
            p.add(ApiException.badRequest("invalid-code", "code", "code", s.code()));
        }
        text(p, s.name(), "name", 200);
        text(p, s.nameEn(), "nameEn", 200);
        boolean passScore = s.passScore() != null && s.passScore().signum() > 0
                && s.passScore().compareTo(BigDecimal.valueOf(100)) <= 0;
        if (!passScore) {
            p.add(ApiException.badRequest("invalid-value", "passScore", "passScore"));
        }
        if (s.minAreaShare() == null || s.minAreaShare().signum() < 0 || s.minAreaShare().compareTo(BigDecimal.ONE) > 0) {
            p.add(ApiException.badRequest("invalid-value", "minAreaShare", "minAreaShare"));
        }
        source(p, s.source(), "source");
        if (s.scope() != null) {
            text(p, s.scope(), "scope", 200);
        }
        if (s.areas() == null || s.areas().isEmpty()) {
            p.add(ApiException.badRequest("required", "areas", "areas"));
            return p;
        }
        Set<String> areas = new HashSet<>();
        Map<String, String> itemArea = new HashMap<>();
        Set<String> indicators = new HashSet<>();
        int points = 0;
        for (int a = 0; a < s.areas().size(); a++) {
            StandardFile.Area area = s.areas().get(a);
            String af = "areas[" + a + "]";
            if (area == null || area.code() == null || !AREA_CODE.matcher(area.code()).matches()) {
                p.add(ApiException.badRequest("invalid-code", af + ".code", af + ".code", area == null ? null : area.code()));
                if (area == null) {
                    continue;
                }
            } else if (!areas.add(area.code())) {
                p.add(ApiException.badRequest("duplicate-code", af + ".code", area.code()));
            }
            text(p, area.name(), af + ".name", 100);
            text(p, area.nameEn(), af + ".nameEn", 100);
            source(p, area.source(), af + ".source");
            if (area.items() == null || area.items().isEmpty()) {
                p.add(ApiException.badRequest("required", af + ".items", af + ".items"));
            } else {
                for (int i = 0; i < area.items().size(); i++) {
                    points += item(p, area, area.items().get(i), af + ".items[" + i + "]", itemArea);
                }
            }
            if (area.indicators() != null) {
                for (int i = 0; i < area.indicators().size(); i++) {
                    indicator(p, area, area.indicators().get(i), af + ".indicators[" + i + "]", itemArea, indicators);
                }
            }
        }
        if (passScore && s.passScore().compareTo(BigDecimal.valueOf(points)) > 0) {
            p.add(ApiException.badRequest("pass-score-above-total", "passScore", s.passScore(), points));
        }
        return p;
    }

    /** An item's problems; its points when they count. */
    private static int item(List<ApiException> p, StandardFile.Area area, StandardFile.Item item, String f,
                            Map<String, String> itemArea) {
        if (item == null || item.code() == null || !ITEM_CODE.matcher(item.code()).matches()) {
            p.add(ApiException.badRequest("invalid-code", f + ".code", f + ".code", item == null ? null : item.code()));
            if (item == null) {
                return 0;
            }
        } else if (itemArea.putIfAbsent(item.code(), String.valueOf(area.code())) != null) {
            p.add(ApiException.badRequest("duplicate-code", f + ".code", item.code()));
        }
        text(p, item.name(), f + ".name", 100);
        text(p, item.requirement(), f + ".requirement", 500);
        boolean pointsValid = item.points() != null && item.points() >= 1 && item.points() <= 10;
        if (!pointsValid) {
            p.add(ApiException.badRequest("invalid-points", f + ".points", item.code(), item.points()));
        }
        if (item.veto() == null) {
            p.add(ApiException.badRequest("required", f + ".veto", f + ".veto"));
        }
        source(p, item.source(), f + ".source");
        return pointsValid ? item.points() : 0;
    }

    private static void indicator(List<ApiException> p, StandardFile.Area area, StandardFile.Indicator ind, String f,
                                  Map<String, String> itemArea, Set<String> indicators) {
        if (ind == null || ind.code() == null || !INDICATOR_CODE.matcher(ind.code()).matches()) {
            p.add(ApiException.badRequest("invalid-code", f + ".code", f + ".code", ind == null ? null : ind.code()));
            if (ind == null) {
                return;
            }
        } else if (!indicators.add(ind.code())) {
            p.add(ApiException.badRequest("duplicate-code", f + ".code", ind.code()));
        }
        text(p, ind.name(), f + ".name", 100);
        text(p, ind.nameEn(), f + ".nameEn", 100);
        if (ind.unit() == null || ind.unit().length() > 20) {
            p.add(ApiException.badRequest("required", f + ".unit", f + ".unit"));
        }
        try {
            Threshold.checkType(ind.type(), ind.comparison(), f);
            Threshold.ofIndicator(ind.type(), ind.comparison(), ind.threshold(), f + ".threshold", ind.code());
        } catch (ApiException e) {
            p.add(e);
        }
        if (ind.veto() == null) {
            p.add(ApiException.badRequest("required", f + ".veto", f + ".veto"));
        }
        source(p, ind.source(), f + ".source");
        if (ind.item() != null && !String.valueOf(area.code()).equals(itemArea.get(ind.item()))) {
            p.add(ApiException.badRequest("unknown-item", f + ".item", ind.code(), ind.item()));
        }
    }

    /**
     * An entry's provenance, required on the standard and on every area, item and indicator (vetoes included): the
     * document and a known status, within the columns' lengths.
     */
    private static void source(List<ApiException> p, Provenance source, String field) {
        if (source == null) {
            p.add(ApiException.badRequest("required", field, field));
            return;
        }
        text(p, source.document(), field + ".document", 100);
        if (source.status() == null || !Provenance.STATUSES.contains(source.status())) {
            p.add(ApiException.badRequest("invalid-choice", field + ".status", field + ".status", source.status(),
                    String.join(", ", Provenance.STATUSES)));
        }
        if (source.clause() != null && source.clause().length() > 200) {
            p.add(ApiException.badRequest("too-long", field + ".clause", field + ".clause", 200));
        }
        if (source.note() != null && source.note().length() > 500) {
            p.add(ApiException.badRequest("too-long", field + ".note", field + ".note", 500));
        }
    }

    private static void text(List<ApiException> p, String value, String field, int max) {
        if (value == null || value.isBlank()) {
            p.add(ApiException.badRequest("required", field, field));
        } else if (value.length() > max) {
            p.add(ApiException.badRequest("too-long", field, field, max));
        }
    }
}
