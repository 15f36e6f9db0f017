package cn.chuangwei.modules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The engine's internals ({@code org.camunda.bpm.engine.impl}) are used by the engine plugins in {@code cn.chuangwei.ops}
 * and nowhere else in the main code; and each class there that uses them has a test pinning what it relies on, so that an
 * engine upgrade that changes it fails the build.
 */
class EngineInternalsTest {

    private static final String IMPL = "org.camunda.bpm.engine.impl..";

    /** Each main class that uses the engine's internals, with the test that pins that use. */
    private static final Map<String, String> PINNED = Map.of(
            "cn.chuangwei.ops.TownTenants", "cn.chuangwei.org.TownsApartTest",
            "cn.chuangwei.ops.StoredPasswords", "cn.chuangwei.ops.StoredPasswordsTest",
            "cn.chuangwei.ops.OwnGroupAuthorizations", "cn.chuangwei.ops.OwnGroupAuthorizationsTest",
            "cn.chuangwei.ops.OwnGroupAuthorizations$Managers", "cn.chuangwei.ops.OwnGroupAuthorizationsTest",
            "cn.chuangwei.ops.OwnGroupAuthorizationManager", "cn.chuangwei.ops.OwnGroupAuthorizationsTest");

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.chuangwei");

    @Test
    void onlyTheEnginePluginsUseTheEnginesInternals() {
        noClasses().that().resideOutsideOfPackage("cn.chuangwei.ops..")
                .should().dependOnClassesThat().resideInAPackage(IMPL)
                .because("main code uses Camunda's public API; the engine plugins in cn.chuangwei.ops are the exception")
                .check(main);
    }

    @Test
    void everyUseOfTheEnginesInternalsIsPinnedByATest() {
        Set<String> users = new TreeSet<>();
        for (JavaClass c : main) {
            if (c.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("org.camunda.bpm.engine.impl"))) {
                users.add(c.getName());
            }
        }
        assertThat(users).as("the classes that use the engine's internals, each with its pinning test")
                .containsExactlyInAnyOrderElementsOf(PINNED.keySet());
        for (String test : PINNED.values()) {
            assertThat(EngineInternalsTest.class.getClassLoader().getResource(test.replace('.', '/') + ".class"))
                    .as(test).isNotNull();
        }
    }
}
