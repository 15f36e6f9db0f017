package cn.chuangwei.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Readers against a JDK HTTP server on loopback that sleeps a known time per path. */
class ReadersTest {

    static {
        // The JDK server writes the headers and the body apart: without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK add ~40 ms to every answer. Read once, when the server's configuration class loads.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final String PASSWORD = "s3cret";
    /** How long the server takes per path, in ms; /broken answers 500. */
    private static final Map<String, Integer> SLEEP = Map.of("/fast", 5, "/slow", 40, "/broken", 1);

    private HttpServer server;
    private ExecutorService serverThreads;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final Map<String, String> users = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        serverThreads = Executors.newFixedThreadPool(32);
        server.setExecutor(serverThreads);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        mostInFlight.accumulateAndGet(now, Math::max);
        try {
            String path = exchange.getRequestURI().getPath();
            String[] basic = new String(Base64.getDecoder().decode(exchange.getRequestHeaders()
                    .getFirst("Authorization").substring("Basic ".length())), StandardCharsets.UTF_8).split(":", 2);
            users.put(basic[0], path);
            int status = !PASSWORD.equals(basic[1]) ? 401
                    : !"application/json".equals(exchange.getRequestHeaders().getFirst("Accept")) ? 406
                    : path.equals("/broken") ? 500 : 200;
            Thread.sleep(SLEEP.getOrDefault(path, 0));
            byte[] body = ("{\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
            inFlight.decrementAndGet();
        }
    }

    private int port() {
        return server.getAddress().getPort();
    }

    @Test
    void sixteenReadersMeasureEachKind() throws Exception {
        Readers.Result result = new Readers(port(), PASSWORD).run(16, Duration.ofMillis(300), Duration.ofMillis(1500),
                List.of(new Readers.Kind("fast", 3, i -> new Latency.Call("fast" + i % 4, "/fast")),
                        new Readers.Kind("slow", i -> new Latency.Call("slow" + i % 4, "/slow"))));
        System.out.print(result.report());

        assertThat(result.clean()).isTrue();
        Readers.Stats fast = result.of("fast");
        Readers.Stats slow = result.of("slow");
        // The server's sleep is a floor; a shared, busy machine adds to it, but not tens of ms at the median.
        assertThat(fast.p50()).as("fast p50 (≈ 45 ms more means TCP_NODELAY is off)").isBetween(5.0, 35.0);
        assertThat(slow.p50()).isBetween(40.0, 90.0);
        assertThat(slow.p50() - fast.p50()).isBetween(20.0, 60.0);
        assertThat(slow.p95()).isGreaterThanOrEqualTo(slow.p50());
        assertThat(slow.p99()).isGreaterThanOrEqualTo(slow.p95());
        // Three fast requests for every slow one.
        assertThat((double) fast.requests() / slow.requests()).isBetween(2.8, 3.2);
        assertThat(result.total().requests()).isEqualTo(fast.requests() + slow.requests());
        assertThat(result.total().perSecond()).isCloseTo(result.total().requests() / result.seconds(),
                within(1e-6));
        // 16 readers one request at a time would manage (3 × 5 + 40) / 4 ≈ 14 ms apiece: ~1,100/s; serial, ~70/s.
        assertThat(result.total().perSecond()).isGreaterThan(200);
        assertThat(mostInFlight.get()).as("requests the server saw at once").isGreaterThanOrEqualTo(8);
        // The generators' users are the ones signing in.
        assertThat(users).containsKeys("fast0", "fast3", "slow0", "slow3");
    }

    @Test
    void errorsAreCountedAndKept() throws Exception {
        Readers.Result result = new Readers(port(), PASSWORD).run(4, Duration.ofMillis(100), Duration.ofMillis(500),
                List.of(new Readers.Kind("fast", i -> new Latency.Call("a", "/fast")),
                        new Readers.Kind("broken", i -> new Latency.Call("b", "/broken"))));

        assertThat(result.clean()).isFalse();
        assertThat(result.of("fast").errors()).isZero();
        assertThat(result.of("fast").requests()).isPositive();
        assertThat(result.of("broken").errors()).isPositive();
        assertThat(result.of("broken").requests()).isZero();
        assertThat(result.of("broken").p95()).isNaN();
        assertThat(result.total().errors()).isEqualTo(result.of("broken").errors());
        assertThat(result.firstErrors()).hasSize(Readers.KEPT_ERRORS)
                .allMatch(e -> e.contains("broken") && e.contains("500") && e.contains("/broken"));
        assertThatThrownBy(result::requireClean).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answered 500");
    }

    @Test
    void aWrongPasswordIsAnErrorNotAFastAnswer() throws Exception {
        Readers.Result result = new Readers(port(), "wrong").run(2, Duration.ZERO, Duration.ofMillis(200),
                List.of(new Readers.Kind("fast", i -> new Latency.Call("a", "/fast"))));

        assertThat(result.total().requests()).isZero();
        assertThat(result.total().errors()).isPositive();
        assertThat(result.firstErrors().get(0)).contains("answered 401");
        assertThat(result.report()).contains("error: fast Call[user=a, path=/fast] answered 401");
    }

    @Test
    void noServerIsAnError() throws Exception {
        int port = port();
        stop();
        Readers.Result result = new Readers(port, PASSWORD).run(2, Duration.ofMillis(50), Duration.ofMillis(200),
                List.of(new Readers.Kind("fast", i -> new Latency.Call("a", "/fast"))));
        start();

        assertThat(result.total().requests()).isZero();
        assertThat(result.warmupErrors()).isPositive();
        assertThat(result.total().errors()).isPositive();
        assertThat(result.firstErrors().get(0)).contains("(warm-up)", "failed", "ConnectException");
    }
}
