package cn.chuangwei.modules;

import cn.chuangwei.ChuangweiApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries (Spring Modulith): each top-level package under {@code cn.chuangwei} is a module; a cycle
 * between modules or a reach into another module's internals fails the build. The module documentation (a diagram per
 * module and the canvas of each) is written to {@code docs/modules}.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(ChuangweiApplication.class);

    @Test
    void modulesHaveNoCyclesAndKeepTheirInternals() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
