package cn.chuangwei.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's table: each figure with its unit and, where issue 8 sets one, its target and PASS or FAIL. */
final class Results {

    /** A target: the figure must be at least (or at most) the bound. */
    record Target(boolean atLeast, double bound) {

        static Target atLeast(double bound) {
            return new Target(true, bound);
        }

        static Target atMost(double bound) {
            return new Target(false, bound);
        }

        boolean met(double value) {
            return atLeast ? value >= bound : value <= bound;
        }

        @Override
        public String toString() {
            return (atLeast ? "≥ " : "≤ ") + number(bound);
        }
    }

    /** A measure: its value (the median where it was measured in several runs, with their range). */
    record Row(String section, String measure, double value, String unit, Target target, double[] runs) {

        String verdict() {
            return target == null ? "" : target.met(value) ? "PASS" : "FAIL";
        }
    }

    private final Scale scale;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, String> settings = new LinkedHashMap<>();

    Results(Scale scale) {
        this.scale = scale;
    }

    Row add(String section, String measure, double value, String unit, Target target) {
        return add(new Row(section, measure, value, unit, target, null));
    }

    /** A measure taken in several runs: their median against the target, and their range. */
    Row runs(String section, String measure, double[] values, String unit, Target target) {
        return add(new Row(section, measure, ProvinceBenchmark.median(values), unit, target, values.clone()));
    }

    private Row add(Row row) {
        rows.add(row);
        System.out.printf(Locale.ROOT, "bench | %-10s | %-58s | %12s %-8s | %-9s | %s %s%n", row.section(), row.measure(),
                number(row.value()), row.unit(), row.target() == null ? "" : row.target(), row.verdict(), range(row));
        return row;
    }

    /** "min–max of n runs", or nothing for a measure taken once. */
    static String range(Row r) {
        if (r.runs() == null || r.runs().length < 2) {
            return "";
        }
        double min = java.util.Arrays.stream(r.runs()).min().orElseThrow();
        double max = java.util.Arrays.stream(r.runs()).max().orElseThrow();
        return number(min) + "–" + number(max) + " (" + r.runs().length + " runs)";
    }

    Row add(String section, String measure, double value, String unit) {
        return add(section, measure, value, unit, null);
    }

    void setting(String name, Object value) {
        settings.put(name, String.valueOf(value));
    }

    List<Row> rows() {
        return rows;
    }

    /** The figure whose measure starts so. */
    /** Every figure whose measure holds the text. */
    List<Row> rowsWith(String text) {
        return rows.stream().filter(r -> r.measure().contains(text)).toList();
    }

    Row row(String measure) {
        return rows.stream().filter(r -> r.measure().startsWith(measure)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no figure " + measure));
    }

    boolean allTargetsMet() {
        return rows.stream().allMatch(r -> r.target() == null || r.target().met(r.value()));
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    /** Writes {@code <stamp>-<scale>.md} and {@code .csv} and the same as {@code latest-<scale>.*}; returns the Markdown. */
    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        settings.putIfAbsent("machine", machine());
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"));
        String md = markdown(stamp);
        String csv = csv();
        Path mdFile = dir.resolve(stamp + "-" + scale.name() + ".md");
        Files.writeString(mdFile, md);
        Files.writeString(dir.resolve(stamp + "-" + scale.name() + ".csv"), csv);
        Files.writeString(dir.resolve("latest-" + scale.name() + ".md"), md);
        Files.writeString(dir.resolve("latest-" + scale.name() + ".csv"), csv);
        return mdFile;
    }

    private String markdown(String stamp) {
        StringBuilder b = new StringBuilder();
        b.append("# Province-scale benchmark, ").append(scale.name()).append(" scale (").append(stamp).append(" UTC)\n\n");
        b.append("Targets of issue 18: ").append(allTargetsMet() ? "all met." : "not all met; see FAIL rows.")
                .append(" A value measured in several runs is their median, with the range beside it.\n\n");
        b.append("| section | measure | value | range | unit | target | result |\n|---|---|---:|---:|---|---|---|\n");
        for (Row r : rows) {
            b.append("| ").append(r.section()).append(" | ").append(r.measure()).append(" | ").append(number(r.value()))
                    .append(" | ").append(range(r)).append(" | ").append(r.unit()).append(" | ").append(r.target() == null ? "" : r.target())
                    .append(" | ").append(r.verdict()).append(" |\n");
        }
        b.append("\n## Machine and settings\n\n");
        settings.forEach((k, v) -> b.append("- ").append(k).append(": ").append(v).append('\n'));
        return b.toString();
    }

    private String csv() {
        StringBuilder b = new StringBuilder("section,measure,value,unit,target,result,runs\n");
        for (Row r : rows) {
            b.append(quote(r.section())).append(',').append(quote(r.measure())).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", r.value())).append(',').append(quote(r.unit())).append(',')
                    .append(quote(r.target() == null ? "" : r.target().toString())).append(',').append(r.verdict()).append(',')
                    .append(r.runs() == null ? "" : quote(java.util.Arrays.stream(r.runs())
                            .mapToObj(v -> String.format(Locale.ROOT, "%.3f", v)).collect(
                                    java.util.stream.Collectors.joining(" "))))
                    .append('\n');
        }
        return b.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String machine() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "?";
        }
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        } catch (IOException | RuntimeException e) {
            // not Linux: the model stays unknown
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memory = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() >> 20 : -1;
        return host + ", " + os.getAvailableProcessors() + " cores (" + cpu + "), " + memory + " MB RAM, "
                + os.getName() + " " + os.getVersion() + ", Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + "), max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB";
    }
}
