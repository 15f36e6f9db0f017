package cn.chuangwei.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The shared PostgreSQL context: as {@link H2Test}, on a real PostgreSQL started by the test itself. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// Camunda keeps a static registry of engines by name: the H2 context's engine is "default", so this one is named
// otherwise, or the H2 context's /engine-rest would be served by this engine.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=postgres")
@ActiveProfiles("test")
@Import({TestConfig.class, PostgresConfig.class})
public @interface PostgresTest {
}
