package cn.chuangwei.task;

import cn.chuangwei.calendar.DateRange;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Phase;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks one decomposition row against its campaign: a known phase, a title, a unit of the campaign (its code or its
 * name), a person that exists (the unit head when none is given), a deadline inside its window, a known standard area
 * (its code or its name). A refusal names the row and the column, or the JSON field; {@link #problems} lists every
 * column at fault of a row, {@link #check} refuses with the first.
 */
final class RowRules {

    static final int TITLE_MAX = 200;
    static final int TARGET_MAX = 1000;

    private final Map<String, CampaignUnit> units;
    private final Map<Phase, DateRange> windows;
    private final Map<String, String> areas;
    private final Predicate<String> userExists;

    /**
     * @param windows for each phase, the days a deadline of a new row may fall on
     * @param areas the standard's areas: code → name (a row may give either)
     */
    RowRules(Map<String, CampaignUnit> units, Map<Phase, DateRange> windows, Map<String, String> areas,
             Predicate<String> userExists) {
        this.units = units;
        this.windows = windows;
        this.areas = areas;
        this.userExists = userExists;
    }

    /** The column names a refusal uses: JSON field names, or a spreadsheet's headers. */
    interface Columns {
        String of(String field);
    }

    /**
     * @param row the 1-based row number of a file, or null for JSON
     */
    NewTaskRow check(RawTaskRow raw, Integer row, Columns columns) {
        List<ApiException> problems = new ArrayList<>();
        NewTaskRow checked = read(raw, row, columns, problems);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        return checked;
    }

    /** Every column at fault of the row, in the order of the columns' rules; empty when the row may be written. */
    List<ApiException> problems(RawTaskRow raw, Integer row, Columns columns) {
        List<ApiException> problems = new ArrayList<>();
        read(raw, row, columns, problems);
        return problems;
    }

    /** The row as it would be written, or null when a problem was found (each column's first one added). */
    private NewTaskRow read(RawTaskRow raw, Integer row, Columns columns, List<ApiException> problems) {
        Phase phase = Phase.parse(raw.phase()).orElse(null);
        if (phase == null) {
            problems.add(fail(blank(raw.phase()) ? "required" : "unknown-phase", row, columns, "phase", raw.phase()));
        }
        String title = trim(raw.title());
        if (title == null) {
            problems.add(fail("required", row, columns, "title"));
        } else if (title.length() > TITLE_MAX) {
            problems.add(fail("too-long", row, columns, "title", TITLE_MAX));
        }
        String target = trim(raw.target());
        if (target != null && target.length() > TARGET_MAX) {
            problems.add(fail("too-long", row, columns, "target", TARGET_MAX));
        }
        String unitCode = trim(raw.unit());
        CampaignUnit unit = null;
        if (unitCode == null) {
            problems.add(fail("required", row, columns, "unit"));
        } else {
            unit = units.get(unitCode);
            if (unit == null) {
                unit = units.values().stream().filter(u -> u.name().equals(unitCode)).findFirst().orElse(null);
            }
            if (unit == null) {
                problems.add(fail("unknown-unit", row, columns, "unit", unitCode));
            }
        }
        String person = trim(raw.person());
        if (person == null) {
            person = unit == null ? null : unit.headUserId();
        } else if (!userExists.test(person)) {
            problems.add(fail("unknown-person", row, columns, "person", person));
        }
        LocalDate deadline = deadline(raw.deadline(), row, columns, problems);
        if (phase != null) {
            DateRange window = windows.get(phase);
            if (window == null) {
                problems.add(fail("phase-closed", row, columns, "phase", phase.zh()));
            } else if (deadline != null && !window.contains(deadline)) {
                problems.add(fail("deadline-outside-phase", row, columns, "deadline", deadline, phase.zh(),
                        window.start(), window.end()));
            }
        }
        String area = trim(raw.area());
        if (area != null && !areas.containsKey(area)) {
            String named = area;
            area = areas.entrySet().stream().filter(a -> named.equals(a.getValue())).map(Map.Entry::getKey).findFirst()
                    .orElse(null);
            if (area == null) {
                problems.add(fail("unknown-area", row, columns, "area", named));
            }
        }
        Boolean critical = critical(raw.critical(), row, columns, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new NewTaskRow(phase, title, target, unit.code(), person, deadline, critical, area);
    }

    private static LocalDate deadline(String text, Integer row, Columns columns, List<ApiException> problems) {
        String t = trim(text);
        if (t == null) {
            problems.add(fail("required", row, columns, "deadline"));
            return null;
        }
        try {
            return LocalDate.parse(t.replace('/', '-').replace('.', '-'));
        } catch (DateTimeParseException e) {
            problems.add(fail("invalid-date", row, columns, "deadline", t));
            return null;
        }
    }

    private static Boolean critical(String text, Integer row, Columns columns, List<ApiException> problems) {
        String t = trim(text);
        if (t == null) {
            return false;
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "是", "true", "yes", "y", "1", "重点" -> true;
            case "否", "false", "no", "n", "0" -> false;
            default -> {
                problems.add(fail("invalid-boolean", row, columns, "critical", t));
                yield null;
            }
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
