package cn.chuangwei.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * CPU time (user and system) of a PostgreSQL server on this machine: its postmaster and every process it started,
 * from {@code /proc/<pid>/stat} (Linux only). The postmaster's cumulative children's time ({@code cutime}, {@code
 * cstime}) holds the CPU of backends that have exited and been reaped, so a sum taken before and after a burst is right
 * even when connections come and go in between.
 */
final class DatabaseCpu {

    private final long postmaster;
    private final double msPerTick;

    DatabaseCpu(DataSource database) throws SQLException, IOException {
        String dir;
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(Statements.MARK + " show data_directory")) {
            rs.next();
            dir = rs.getString(1);
        }
        this.postmaster = Long.parseLong(Files.readAllLines(Path.of(dir, "postmaster.pid")).get(0).trim());
        this.msPerTick = 1000.0 / ticksPerSecond();
    }

    /** CPU ms of the postmaster, its live children and its reaped children since the server started. */
    double ms() throws IOException {
        long[] own = stat(postmaster);
        long ticks = own[1] + own[2] + own[3] + own[4];
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] child = stat(Long.parseLong(name));
                if (child != null && child[0] == postmaster) {
                    ticks += child[1] + child[2] + child[3] + child[4];
                }
            }
        }
        return ticks * msPerTick;
    }

    /** ppid, utime, stime, cutime, cstime of the process, or null when it has gone. */
    private static long[] stat(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        } catch (IOException e) {
            return null;
        }
        // the command name is in parentheses and may hold spaces: fields are counted after its closing one
        String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17
        return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                Long.parseLong(f[14])};
    }

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
