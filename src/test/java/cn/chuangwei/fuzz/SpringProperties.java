package cn.chuangwei.fuzz;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.test.context.TestContextManager;

/**
 * jqwik properties against the shared {@code @H2Test} application. jqwik does not run Spring's JUnit Jupiter extension,
 * so each property's instance is handed to Spring's {@link TestContextManager} before the property runs: it takes the
 * application from Spring's context cache (the same one the Jupiter tests share) and fills in {@code @Autowired} and
 * {@code @LocalServerPort} fields.
 */
abstract class SpringProperties {

    private static final Map<Class<?>, TestContextManager> MANAGERS = new ConcurrentHashMap<>();

    @BeforeProperty
    void injectSpring() throws Exception {
        MANAGERS.computeIfAbsent(getClass(), TestContextManager::new).prepareTestInstance(this);
        prepare();
    }

    /** What a property needs once Spring has filled in the fields. */
    void prepare() {
    }
}
