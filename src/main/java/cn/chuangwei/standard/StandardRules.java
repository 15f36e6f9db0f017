package cn.chuangwei.standard;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.standard.StandardFile;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a standard file whole before anything of it is written; a refusal names the item or indicator. */
final class StandardRules {

    private static final Pattern STANDARD_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");
    private static final Pattern AREA_CODE = Pattern.compile("[A-Z][A-Z_]{2,39}");
    private static final Pattern ITEM_CODE = Pattern.compile("[A-Z]{2,5}-\\d{2}");
    private static final Pattern INDICATOR_CODE = Pattern.compile("[A-Z][A-Z_]{2,39}");

    private StandardRules() {
    }

    static void check(StandardFile s) {
        if (s == null) {
            throw ApiException.badRequest("required", "standard", "standard");
        }
        if (s.code() == null || !STANDARD_CODE.matcher(s.code()).matches()) {
            throw ApiException.badRequest("invalid-code", "code", "code", s.code());
        }
        text(s.name(), "name", 200);
        text(s.nameEn(), "nameEn", 200);
        if (s.passScore() == null || s.passScore().signum() <= 0 || s.passScore().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw ApiException.badRequest("invalid-value", "passScore", "passScore");
        }
        if (s.minAreaShare() == null || s.minAreaShare().signum() < 0 || s.minAreaShare().compareTo(BigDecimal.ONE) > 0) {
            throw ApiException.badRequest("invalid-value", "minAreaShare", "minAreaShare");
        }
        source(s.source(), "source");
        if (s.scope() != null) {
            text(s.scope(), "scope", 200);
        }
        if (s.areas() == null || s.areas().isEmpty()) {
            throw ApiException.badRequest("required", "areas", "areas");
        }
        Set<String> areas = new HashSet<>();
        Map<String, String> itemArea = new HashMap<>();
        Set<String> indicators = new HashSet<>();
        int points = 0;
        for (int a = 0; a < s.areas().size(); a++) {
            StandardFile.Area area = s.areas().get(a);
            String af = "areas[" + a + "]";
            if (area == null || area.code() == null || !AREA_CODE.matcher(area.code()).matches()) {
                throw ApiException.badRequest("invalid-code", af + ".code", af + ".code", area == null ? null : area.code());
            }
            if (!areas.add(area.code())) {
                throw ApiException.badRequest("duplicate-code", af + ".code", area.code());
            }
            text(area.name(), af + ".name", 100);
            text(area.nameEn(), af + ".nameEn", 100);
            source(area.source(), af + ".source");
            if (area.items() == null || area.items().isEmpty()) {
                throw ApiException.badRequest("required", af + ".items", af + ".items");
            }
            for (int i = 0; i < area.items().size(); i++) {
                StandardFile.Item item = area.items().get(i);
                String f = af + ".items[" + i + "]";
                if (item == null || item.code() == null || !ITEM_CODE.matcher(item.code()).matches()) {
                    throw ApiException.badRequest("invalid-code", f + ".code", f + ".code", item == null ? null : item.code());
                }
                if (itemArea.putIfAbsent(item.code(), area.code()) != null) {
                    throw ApiException.badRequest("duplicate-code", f + ".code", item.code());
                }
                text(item.name(), f + ".name", 100);
                text(item.requirement(), f + ".requirement", 500);
                if (item.points() == null || item.points() < 1 || item.points() > 10) {
                    throw ApiException.badRequest("invalid-points", f + ".points", item.code(), item.points());
                }
                if (item.veto() == null) {
                    throw ApiException.badRequest("required", f + ".veto", f + ".veto");
                }
                source(item.source(), f + ".source");
                points += item.points();
            }
            if (area.indicators() != null) {
                for (int i = 0; i < area.indicators().size(); i++) {
                    StandardFile.Indicator ind = area.indicators().get(i);
                    String f = af + ".indicators[" + i + "]";
                    if (ind == null || ind.code() == null || !INDICATOR_CODE.matcher(ind.code()).matches()) {
                        throw ApiException.badRequest("invalid-code", f + ".code", f + ".code", ind == null ? null : ind.code());
                    }
                    if (!indicators.add(ind.code())) {
                        throw ApiException.badRequest("duplicate-code", f + ".code", ind.code());
                    }
                    text(ind.name(), f + ".name", 100);
                    text(ind.nameEn(), f + ".nameEn", 100);
                    if (ind.unit() == null || ind.unit().length() > 20) {
                        throw ApiException.badRequest("required", f + ".unit", f + ".unit");
                    }
                    Threshold.checkType(ind.type(), ind.comparison(), f);
                    Threshold.ofIndicator(ind.type(), ind.comparison(), ind.threshold(), f + ".threshold", ind.code());
                    if (ind.veto() == null) {
                        throw ApiException.badRequest("required", f + ".veto", f + ".veto");
                    }
                    source(ind.source(), f + ".source");
                    if (ind.item() != null && !area.code().equals(itemArea.get(ind.item()))) {
                        throw ApiException.badRequest("unknown-item", f + ".item", ind.code(), ind.item());
                    }
                }
            }
        }
        if (s.passScore().compareTo(BigDecimal.valueOf(points)) > 0) {
            throw ApiException.badRequest("pass-score-above-total", "passScore", s.passScore(), points);
        }
    }

    /**
     * An entry's provenance, required on the standard and on every area, item and indicator (vetoes included): the
     * document and a known status, within the columns' lengths.
     */
    private static void source(Provenance p, String field) {
        if (p == null) {
            throw ApiException.badRequest("required", field, field);
        }
        text(p.document(), field + ".document", 100);
        if (p.status() == null || !Provenance.STATUSES.contains(p.status())) {
            throw ApiException.badRequest("invalid-choice", field + ".status", field + ".status", p.status(),
                    String.join(", ", Provenance.STATUSES));
        }
        if (p.clause() != null && p.clause().length() > 200) {
            throw ApiException.badRequest("too-long", field + ".clause", field + ".clause", 200);
        }
        if (p.note() != null && p.note().length() > 500) {
            throw ApiException.badRequest("too-long", field + ".note", field + ".note", 500);
        }
    }

    private static void text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("required", field, field);
        }
        if (value.length() > max) {
            throw ApiException.badRequest("too-long", field, field, max);
        }
    }
}
