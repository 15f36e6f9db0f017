package cn.chuangwei.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time a process has used (all its threads, user and system), from Linux's /proc; -1 where /proc is not. */
final class ProcCpu {

    /** Linux's clock ticks per second (USER_HZ), which /proc counts in: 100 on every kernel this runs on. */
    private static final double TICKS = 100;

    private ProcCpu() {
    }

    static double millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // the command may hold spaces and brackets: the fields start after its closing bracket
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / TICKS;
        } catch (Exception e) {
            return -1;
        }
    }
}
