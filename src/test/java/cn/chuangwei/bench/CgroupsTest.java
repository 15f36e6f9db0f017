package cn.chuangwei.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Really runs busy processes under a quota. Needs root and a cgroup cpu controller: skipped without them on a
 * developer's machine, a failure in CI ({@code CI=true}).
 */
class CgroupsTest {

    /** A name no other run on the machine uses. */
    private final String name = "cw-bench-test-" + ProcessHandle.current().pid();
    private Process busy;

    @BeforeEach
    void needsCgroups() {
        Cgroups.unavailable().ifPresent(reason -> {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("CgroupsTest needs root and a cgroup cpu controller in CI: " + reason);
            }
            Assumptions.abort(reason);
        });
    }

    @AfterEach
    void stopBusy() {
        if (busy != null) {
            busy.descendants().forEach(ProcessHandle::destroyForcibly);
            busy.destroyForcibly();
        }
    }

    private static Process start(String script) throws IOException {
        return new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void aQuarterOfACpuHoldsABusyLoop() throws Exception {
        busy = start("while :; do :; done");
        List<Path> dirs;
        try (Cgroups.Group group = Cgroups.create(name, 0.25)) {
            dirs = groupDirs();
            assertThat(dirs).allMatch(Files::isDirectory);
            group.add(busy.pid());
            long started = System.nanoTime();
            Thread.sleep(2000);
            double cpu = group.cpuMillis();
            double wall = (System.nanoTime() - started) / 1e6;
            System.out.printf("busy loop under 0.25 CPU: %.0f ms CPU in %.0f ms, throttled %.0f ms; %s%n", cpu, wall,
                    group.throttledMillis(), Cgroups.say());

            assertThat(cpu / wall).isBetween(0.1, 0.35);
            assertThat(group.throttledMillis()).isGreaterThan(500);
            assertThat(group.pids()).containsExactly(busy.pid());
            assertThat(group.cpus()).isEqualTo(0.25);
            assertThat(cgroupOf(ProcessHandle.current().pid())).doesNotContain(name);
            assertThat(cgroupOf(busy.pid())).contains(name);
            assertThat(Cgroups.say()).matches(".*cgroup v[12] cpu\\.(cfs_quota_us|max) 25000/100000 \\+ cpu.*");
        }
        // Closed: the loop, still running, is back in the root group, and the group is gone.
        assertThat(busy.isAlive()).isTrue();
        assertThat(cgroupOf(busy.pid())).doesNotContain(name);
        assertThat(dirs).noneMatch(Files::exists);
    }

    @Test
    void childrenStartedLaterAreInTheGroupAndCounted() throws Exception {
        // The shell forks its busy loop only after it has been added.
        busy = start("sleep 0.3; while :; do :; done & wait");
        try (Cgroups.Group group = Cgroups.create(name, 0)) {
            group.add(busy.pid());
            Thread.sleep(1300);
            assertThat(group.pids()).hasSizeGreaterThanOrEqualTo(2).contains(busy.pid());
            busy.descendants().forEach(d -> assertThat(cgroupOf(d.pid())).contains(name));
            assertThat(group.cpuMillis()).isGreaterThan(100);
            assertThat(group.throttledMillis()).isZero();
            assertThat(group.say()).contains("no quota");
        }
        assertThat(groupDirs()).noneMatch(Files::exists);
    }

    @Test
    void neverThisJvm() {
        try (Cgroups.Group group = Cgroups.create(name, 0.5)) {
            assertThatThrownBy(() -> group.add(ProcessHandle.current().pid()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("this JVM");
            ProcessHandle.current().parent().ifPresent(parent -> assertThatThrownBy(() -> group.add(parent.pid()))
                    .isInstanceOf(IllegalArgumentException.class));
            assertThat(group.pids()).isEmpty();
        }
        assertThatThrownBy(() -> Cgroups.create("../escape", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pinningMovesEveryThread() throws Exception {
        busy = start("sleep 30");
        Cgroups.pin(busy.pid(), "0");
        assertThat(allowedCpus(busy.pid())).containsOnly("0");
        int last = Runtime.getRuntime().availableProcessors() - 1;
        Cgroups.pin(busy.pid(), last == 0 ? "0" : "0-" + last);
        assertThat(allowedCpus(busy.pid())).containsOnly(last == 0 ? "0" : "0-" + last);
        assertThat(Cgroups.say()).contains("taskset -a -cp");
        assertThatThrownBy(() -> Cgroups.pin(busy.pid(), "0; rm")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cgroups.pin(busy.pid(), "999")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("taskset");
    }

    /** Where the group's directories are: v2, one below the root; v1, one in the cpu and one in the cpuacct tree. */
    private List<Path> groupDirs() {
        return Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? List.of(Path.of("/sys/fs/cgroup", name))
                : List.of(Path.of("/sys/fs/cgroup/cpu", name), Path.of("/sys/fs/cgroup/cpuacct", name));
    }

    private static String cgroupOf(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/cgroup"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Cpus_allowed_list of each of the process's threads. */
    private static List<String> allowedCpus(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return tasks.map(t -> {
                try {
                    return Files.readAllLines(t.resolve("status")).stream().filter(l -> l.startsWith("Cpus_allowed_list:"))
                            .map(l -> l.split("\\s+")[1]).findFirst().orElseThrow();
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }).toList();
        }
    }
}
