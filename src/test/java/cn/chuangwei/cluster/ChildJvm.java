package cn.chuangwei.cluster;

import static org.awaitility.Awaitility.await;

import cn.chuangwei.ChuangweiApplication;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A node of the application in a JVM of its own (so that it can be killed outright), logging to target/cluster-*.log. */
final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts the application (its main classes, not the tests') with these arguments. */
    static Process start(String name, List<String> arguments) throws IOException {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8", "-cp", classpath,
                ChuangweiApplication.class.getName()));
        command.addAll(arguments);
        command.add("--logging.level.cn.chuangwei.ChuangweiApplication=INFO");
        Path log = log(name);
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the node says it has started. */
    static void awaitStarted(String name, Duration limit) {
        await().atMost(limit).pollInterval(Duration.ofMillis(500))
                .until(() -> Files.readString(log(name)).contains("Started ChuangweiApplication"));
    }

    private static Path log(String name) {
        return Path.of("target", "cluster-" + name + ".log");
    }
}
