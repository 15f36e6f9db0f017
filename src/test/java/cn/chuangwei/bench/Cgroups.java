package cn.chuangwei.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A fixed CPU budget for a benchmark's processes, and their CPU measured, with Linux control groups (as root): cgroup
 * v2 ({@code cpu.max}, {@code cpu.stat}) where {@code /sys/fs/cgroup} is the unified hierarchy, else cgroup v1
 * ({@code cpu/cpu.cfs_quota_us} and {@code cpuacct/cpuacct.usage}, in their own hierarchies or a joint one). Groups are
 * made directly below the root. Pinning to CPUs is {@code taskset}. {@link #say()} names what was used, for the report.
 */
final class Cgroups {

    static final Path ROOT = Path.of("/sys/fs/cgroup");
    /** The quota's period: 100 ms, the kernel's default. */
    static final long PERIOD_US = 100_000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern CPU_LIST = Pattern.compile("[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*");
    /** What this JVM has used so far, in order: quotas, then pinning. */
    private static final Set<String> USED = new LinkedHashSet<>();

    private Cgroups() {
    }

    /** Why groups cannot be made here, or empty when they can. */
    static Optional<String> unavailable() {
        long uid = effectiveUid();
        if (uid != 0) {
            return Optional.of("cgroups need root; this JVM runs as uid " + uid);
        }
        if (v2()) {
            String controllers = read(ROOT.resolve("cgroup.controllers"));
            return controllers.matches("(?s).*\\bcpu\\b.*") ? Optional.empty()
                    : Optional.of("cgroup v2 at " + ROOT + " offers no cpu controller (cgroup.controllers: "
                            + controllers.strip() + ")");
        }
        if (!Files.exists(v1Cpu().resolve("cpu.cfs_quota_us")) || !Files.exists(v1Acct().resolve("cpuacct.usage"))) {
            return Optional.of("no cgroup cpu controller: neither " + ROOT + "/cgroup.controllers (v2) nor "
                    + v1Cpu() + "/cpu.cfs_quota_us with " + v1Acct() + "/cpuacct.usage (v1) exists");
        }
        return Optional.empty();
    }

    static boolean available() {
        return unavailable().isEmpty();
    }

    /**
     * A new group below the root, limited to {@code cpus} CPUs (0.5 = half of one core; 0 = no quota). A leftover
     * empty group of the same name is replaced.
     */
    static Group create(String name, double cpus) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a group name is letters, digits, '.', '_' and '-': " + name);
        }
        if (cpus < 0) {
            throw new IllegalArgumentException("cpus must be ≥ 0: " + cpus);
        }
        unavailable().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        long quota = cpus == 0 ? -1 : Math.max(1000, Math.round(cpus * PERIOD_US));
        Group group = v2() ? new Group(name, List.of(ROOT.resolve(name)), true, quota)
                : new Group(name, distinct(v1Cpu().resolve(name), v1Acct().resolve(name)), false, quota);
        group.make();
        synchronized (USED) {
            USED.add(group.say());
        }
        return group;
    }

    /** Pins a process, all its threads (and the threads and children it starts later), to the CPUs, e.g. "1" or "0-1". */
    static void pin(long pid, String cpus) {
        if (!CPU_LIST.matcher(cpus).matches()) {
            throw new IllegalArgumentException("not a CPU list: " + cpus);
        }
        try {
            Process taskset = new ProcessBuilder("taskset", "-a", "-cp", cpus, Long.toString(pid))
                    .redirectErrorStream(true).start();
            String out = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (taskset.waitFor() != 0) {
                throw new IllegalStateException("taskset -a -cp " + cpus + " " + pid + " failed: " + out.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("taskset could not run (util-linux)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        synchronized (USED) {
            USED.add("taskset -a -cp");
        }
    }

    /** The mechanism for the report, e.g. "cgroup v1 cpu.cfs_quota_us 50000/100000 + cpuacct.usage; taskset -a -cp". */
    static String say() {
        synchronized (USED) {
            if (USED.isEmpty()) {
                return v2() ? "cgroup v2 cpu.max + cpu.stat" : "cgroup v1 cpu.cfs_quota_us + cpuacct.usage";
            }
            return String.join("; ", USED);
        }
    }

    /** A control group: its processes share its CPU quota, and it counts their CPU. */
    static final class Group implements AutoCloseable {

        private final String name;
        /** v2: the one directory; v1: the cpu directory, then the cpuacct one (unless the two are one hierarchy). */
        private final List<Path> dirs;
        private final boolean v2;
        private final long quotaUs;
        private boolean closed;

        private Group(String name, List<Path> dirs, boolean v2, long quotaUs) {
            this.name = name;
            this.dirs = dirs;
            this.v2 = v2;
            this.quotaUs = quotaUs;
        }

        private void make() {
            for (Path dir : dirs) {
                if (Files.exists(dir)) {
                    remove(dir); // a leftover of an earlier run; fails if processes are still in it
                }
            }
            try {
                if (v2 && !read(ROOT.resolve("cgroup.subtree_control")).matches("(?s).*\\bcpu\\b.*")) {
                    write(ROOT.resolve("cgroup.subtree_control"), "+cpu");
                }
                for (Path dir : dirs) {
                    Files.createDirectory(dir);
                }
                if (v2) {
                    write(dirs.get(0).resolve("cpu.max"), (quotaUs < 0 ? "max" : quotaUs) + " " + PERIOD_US);
                } else {
                    write(dirs.get(0).resolve("cpu.cfs_period_us"), Long.toString(PERIOD_US));
                    write(dirs.get(0).resolve("cpu.cfs_quota_us"), Long.toString(quotaUs));
                }
            } catch (IOException | RuntimeException e) {
                dirs.forEach(Group::removeQuietly);
                throw e instanceof IOException io ? new UncheckedIOException("could not make group " + name, io)
                        : (RuntimeException) e;
            }
        }

        /** Moves a process (all its threads) and its present children into the group; children it starts later follow. */
        Group add(long pid) {
            ProcessHandle self = ProcessHandle.current();
            for (Optional<ProcessHandle> p = Optional.of(self); p.isPresent(); p = p.get().parent()) {
                if (p.get().pid() == pid) {
                    throw new IllegalArgumentException("will not put this JVM (or one of its parents) into a group: "
                            + pid);
                }
            }
            List<Long> pids = new ArrayList<>(List.of(pid));
            ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> pids.add(d.pid())));
            for (long p : pids) {
                for (Path dir : dirs) {
                    try {
                        write(dir.resolve("cgroup.procs"), Long.toString(p));
                    } catch (IOException e) {
                        if (p == pid) {
                            throw new UncheckedIOException("could not move " + pid + " into " + dir, e);
                        } // a child that has ended meanwhile
                    }
                }
            }
            return this;
        }

        /** The processes in the group now. */
        List<Long> pids() {
            return read(dirs.get(0).resolve("cgroup.procs")).lines().filter(l -> !l.isBlank()).map(Long::valueOf)
                    .toList();
        }

        /** CPU time used by the group's processes since it was made, including those that have ended, in ms. */
        double cpuMillis() {
            return v2 ? stat("usage_usec") / 1e3 : Long.parseLong(read(dirs.get(dirs.size() - 1)
                    .resolve("cpuacct.usage")).strip()) / 1e6;
        }

        /** How long the group was held back by its quota, in ms. */
        double throttledMillis() {
            return v2 ? stat("throttled_usec") / 1e3 : stat("throttled_time") / 1e6;
        }

        /** Its quota in CPUs, 0 for none. */
        double cpus() {
            return quotaUs < 0 ? 0 : (double) quotaUs / PERIOD_US;
        }

        String name() {
            return name;
        }

        /** The mechanism and the quota, e.g. "cgroup v1 cpu.cfs_quota_us 50000/100000 + cpuacct.usage". */
        String say() {
            String quota = quotaUs < 0 ? "no quota" : quotaUs + "/" + PERIOD_US;
            return v2 ? String.format(Locale.ROOT, "cgroup v2 cpu.max %s + cpu.stat", quota)
                    : String.format(Locale.ROOT, "cgroup v1 cpu.cfs_quota_us %s + cpuacct.usage", quota);
        }

        /** Moves its processes back to the root group and removes it. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            for (Path dir : dirs) {
                if (Files.exists(dir)) {
                    remove(dir);
                }
            }
            closed = true;
        }

        private long stat(String key) {
            return read(dirs.get(0).resolve("cpu.stat")).lines().map(l -> l.split(" "))
                    .filter(f -> f.length == 2 && f[0].equals(key)).mapToLong(f -> Long.parseLong(f[1])).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + key + " in " + dirs.get(0) + "/cpu.stat"));
        }

        /** Empties a group directory into its parent (the root) and removes it; an ending process may linger briefly. */
        private static void remove(Path dir) {
            for (int attempt = 0; ; attempt++) {
                for (String pid : read(dir.resolve("cgroup.procs")).split("\\s+")) {
                    if (!pid.isEmpty()) {
                        try {
                            write(dir.getParent().resolve("cgroup.procs"), pid);
                        } catch (IOException e) {
                            // ended meanwhile
                        }
                    }
                }
                try {
                    Files.delete(dir); // rmdir: a group's files go with it
                    return;
                } catch (NoSuchFileException e) {
                    return;
                } catch (IOException e) {
                    if (attempt == 50) {
                        throw new UncheckedIOException("could not remove " + dir, e);
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new UncheckedIOException("interrupted removing " + dir, e);
                    }
                }
            }
        }

        private static void removeQuietly(Path dir) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // the original failure is what matters
            }
        }
    }

    private static boolean v2() {
        return Files.exists(ROOT.resolve("cgroup.controllers"));
    }

    private static Path v1Cpu() {
        return ROOT.resolve("cpu");
    }

    private static Path v1Acct() {
        return ROOT.resolve("cpuacct");
    }

    /** The cpu and cpuacct directories, or one of them when both name the same joint hierarchy. */
    private static List<Path> distinct(Path cpu, Path acct) {
        try {
            return cpu.getParent().toRealPath().equals(acct.getParent().toRealPath()) ? List.of(cpu) : List.of(cpu, acct);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long effectiveUid() {
        // /proc/self/status: "Uid:  real  effective  saved  filesystem"
        return read(Path.of("/proc/self/status")).lines().filter(l -> l.startsWith("Uid:"))
                .mapToLong(l -> Long.parseLong(l.split("\\s+")[2])).findFirst().orElse(-1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One write(2) of the text, as cgroup files want it (one pid a write to cgroup.procs). */
    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }
}
