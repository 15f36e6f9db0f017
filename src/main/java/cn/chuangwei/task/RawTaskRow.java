package cn.chuangwei.task;

/** A decomposition row as a person typed it (JSON, a CSV line or a spreadsheet row), before it is checked. */
public record RawTaskRow(String phase, String title, String target, String unit, String person, String deadline,
                         String critical, String area) {
}
