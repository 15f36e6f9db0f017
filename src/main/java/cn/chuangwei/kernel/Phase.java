package cn.chuangwei.kernel;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The five phases of a campaign, in order, as the towns' implementation plans (实施方案) lay them out. */
public enum Phase {
    MOBILIZATION("宣传发动", "宣传动员"),
    IMPLEMENTATION("组织实施", "实施"),
    CONSOLIDATION("巩固提高", "巩固"),
    SELF_INSPECTION("自查", "对照标准自查评分"),
    ACCEPTANCE("申报验收", "验收");

    private final String zh;
    private final String alias;

    Phase(String zh, String alias) {
        this.zh = zh;
        this.alias = alias;
    }

    public String zh() {
        return zh;
    }

    public int seq() {
        return ordinal() + 1;
    }

    private static final Map<String, Phase> BY_NAME = Map.ofEntries(
            Map.entry("mobilization", MOBILIZATION), Map.entry("implementation", IMPLEMENTATION),
            Map.entry("consolidation", CONSOLIDATION), Map.entry("self_inspection", SELF_INSPECTION),
            Map.entry("self-inspection", SELF_INSPECTION), Map.entry("acceptance", ACCEPTANCE));

    /** Reads a phase from its code (MOBILIZATION), its Chinese name (宣传发动), a common alias or its number (1–5). */
    public static Optional<Phase> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        for (Phase p : values()) {
            if (p.name().equalsIgnoreCase(t) || p.zh.equals(t) || p.alias.equals(t) || String.valueOf(p.seq()).equals(t)
                    || (p.zh + "阶段").equals(t)) {
                return Optional.of(p);
            }
        }
        return Optional.ofNullable(BY_NAME.get(t.toLowerCase(Locale.ROOT)));
    }
}
