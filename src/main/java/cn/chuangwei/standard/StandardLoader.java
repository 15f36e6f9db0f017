package cn.chuangwei.standard;

import cn.chuangwei.standard.Standards;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Start-up: loads the standards shipped in {@code standards/*.yaml} when a file is new or changed. A changed file
 * becomes a new version when some campaign follows the one loaded before ({@link Standards#save(StandardFile)}). A
 * shipped file that does not pass its checks stops the start-up, rather than a campaign halfway.
 */
@Component
@Order(-1)
class StandardLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StandardLoader.class);

    private final Standards standards;

    StandardLoader(Standards standards) {
        this.standards = standards;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:standards/*.yaml")) {
            try (InputStream in = file.getInputStream()) {
                Standards.Saved saved = standards.save(in.readAllBytes());
                if (saved.changed()) {
                    LOG.info("Loaded standard {} as version {} of {}", file.getFilename(), saved.version(), saved.family());
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("The shipped standard " + file.getFilename() + " is invalid: "
                        + e.getMessage(), e);
            }
        }
    }

}
