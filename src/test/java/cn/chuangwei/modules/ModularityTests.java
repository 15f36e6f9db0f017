package cn.chuangwei.modules;

import cn.chuangwei.ChuangweiApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries (Spring Modulith): each top-level package under {@code cn.chuangwei} is a module; a cycle
 * between modules or a reach into another module's internals fails the build. The module documentation (the diagram of
 * all modules, one per module and each module's canvas) is kept in {@code docs/modules}.
 */
class ModularityTests {

    private static final Path DOCS = Path.of("docs/modules");

    private final ApplicationModules modules = ApplicationModules.of(ChuangweiApplication.class);

    @Test
    void modulesHaveNoCyclesAndKeepTheirInternals() {
        modules.verify();
    }

    /**
     * Writes the documentation into {@code target/modules}, then copies a file to {@code docs/modules} only when it says
     * something new: the Documenter lists a diagram's relations in no fixed order, so a file whose lines are the same as
     * the kept one's in another order is left alone.
     */
    @Test
    void writesTheModuleDocumentation() throws IOException {
        Path generated = Path.of("target/modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Files.createDirectories(DOCS);
        try (Stream<Path> files = Files.list(generated)) {
            files.forEach(ModularityTests::keep);
        }
    }

    private static void keep(Path file) {
        try {
            Path kept = DOCS.resolve(file.getFileName());
            if (!Files.exists(kept) || !sorted(kept).equals(sorted(file))) {
                Files.copy(file, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sorted(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }
}
