package cn.chuangwei.task;

import cn.chuangwei.calendar.DateRange;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Phase;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks one decomposition row against its campaign: a known phase, a title, a unit of the campaign, a person that
 * exists (the unit head when none is given), a deadline inside its window, a known standard area. A refusal names the
 * row and the column, or the JSON field.
 */
final class RowRules {

    static final int TITLE_MAX = 200;
    static final int TARGET_MAX = 1000;

    private final Map<String, CampaignUnit> units;
    private final Map<Phase, DateRange> windows;
    private final Set<String> areas;
    private final Predicate<String> userExists;

    /**
     * @param windows for each phase, the days a deadline of a new row may fall on
     */
    public RowRules(Map<String, CampaignUnit> units, Map<Phase, DateRange> windows, Set<String> areas,
                    Predicate<String> userExists) {
        this.units = units;
        this.windows = windows;
        this.areas = areas;
        this.userExists = userExists;
    }

    /** The column names a refusal uses: JSON field names, or a spreadsheet's headers. */
    public interface Columns {
        String of(String field);
    }

    /**
     * @param row the 1-based row number of a file, or null for JSON
     */
    public NewTaskRow check(RawTaskRow raw, Integer row, Columns columns) {
        Phase phase = Phase.parse(raw.phase())
                .orElseThrow(() -> fail(blank(raw.phase()) ? "required" : "unknown-phase", row, columns, "phase", raw.phase()));
        String title = trim(raw.title());
        if (title == null) {
            throw fail("required", row, columns, "title");
        }
        if (title.length() > TITLE_MAX) {
            throw fail("too-long", row, columns, "title", TITLE_MAX);
        }
        String target = trim(raw.target());
        if (target != null && target.length() > TARGET_MAX) {
            throw fail("too-long", row, columns, "target", TARGET_MAX);
        }
        String unitCode = trim(raw.unit());
        if (unitCode == null) {
            throw fail("required", row, columns, "unit");
        }
        CampaignUnit unit = units.get(unitCode);
        if (unit == null) {
            unit = units.values().stream().filter(u -> u.name().equals(raw.unit().trim())).findFirst()
                    .orElseThrow(() -> fail("unknown-unit", row, columns, "unit", unitCode));
        }
        String person = trim(raw.person());
        if (person == null) {
            person = unit.headUserId();
        } else if (!userExists.test(person)) {
            throw fail("unknown-person", row, columns, "person", person);
        }
        LocalDate deadline = deadline(raw.deadline(), row, columns);
        DateRange window = windows.get(phase);
        if (window == null) {
            throw fail("phase-closed", row, columns, "phase", phase.zh());
        }
        if (!window.contains(deadline)) {
            throw fail("deadline-outside-phase", row, columns, "deadline", deadline, phase.zh(), window.start(), window.end());
        }
        String area = trim(raw.area());
        if (area != null && !areas.contains(area)) {
            throw fail("unknown-area", row, columns, "area", area);
        }
        return new NewTaskRow(phase, title, target, unit.code(), person, deadline, critical(raw.critical(), row, columns),
                area);
    }

    private static LocalDate deadline(String text, Integer row, Columns columns) {
        String t = trim(text);
        if (t == null) {
            throw fail("required", row, columns, "deadline");
        }
        try {
            return LocalDate.parse(t.replace('/', '-').replace('.', '-'));
        } catch (DateTimeParseException e) {
            throw fail("invalid-date", row, columns, "deadline", t);
        }
    }

    private static boolean critical(String text, Integer row, Columns columns) {
        String t = trim(text);
        if (t == null) {
            return false;
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "是", "true", "yes", "y", "1", "重点" -> true;
            case "否", "false", "no", "n", "0" -> false;
            default -> throw fail("invalid-boolean", row, columns, "critical", t);
        };
    }

    private static ApiException fail(String code, Integer row, Columns columns, String field, Object... args) {
        String column = columns.of(field);
        Object[] all = new Object[args.length + 1];
        all[0] = column;
        System.arraycopy(args, 0, all, 1, args.length);
        return row == null ? ApiException.badRequest(code, column, all) : ApiException.badRow(code, row, column, all);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}
