package cn.chuangwei.standard;

import java.math.BigDecimal;
import java.util.List;

/**
 * A standard as its file states it ({@code standards/*.yaml}): areas, their items (with points and veto flags) and
 * their indicators (value type, unit, comparison, default threshold, veto flag), each with its {@link Provenance}.
 * {@code scope} says where the figures are measured (e.g. 乡镇建成区), when the standard says so.
 * {@link StandardRules} checks it.
 */
public record StandardFile(String code, String name, String nameEn, BigDecimal passScore, BigDecimal minAreaShare,
                           List<Area> areas, Provenance source, String scope) {

    public record Area(String code, String name, String nameEn, List<Item> items, List<Indicator> indicators,
                       Provenance source) {
    }

    public record Item(String code, String name, String requirement, Integer points, Boolean veto, Provenance source) {
    }

    /** {@code threshold} is a number (PERCENT, NUMBER), a grade letter A–D (GRADE) or {@code true} (BOOLEAN). */
    public record Indicator(String code, String name, String nameEn, String type, String unit, String comparison,
                            Object threshold, Boolean veto, String item, Provenance source) {
    }
}
