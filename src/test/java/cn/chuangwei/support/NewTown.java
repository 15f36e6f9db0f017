package cn.chuangwei.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A new town set up as {@code org/RegionSetupScenario} does, through the API alone: the administrator creates a county
 * and the town under it and adds the town's office; the office adds the leading group (a leader, a deputy, a member),
 * a supervisor and three unit heads. No campaign yet: what a town's first campaign is set up from.
 */
public final class NewTown {

    public static final String ADMIN_PASSWORD = "test-admin-4b7e19";
    public static final String PASSWORD = "first-pass-1";
    private static final AtomicInteger SEQ = new AtomicInteger();

    public final String p = "nt" + System.nanoTime() % 1_000_000 + "x" + SEQ.incrementAndGet();
    public final long county;
    public final long town;
    public final String name = "新镇" + p;
    public final String office = p + "-office";
    public final String leader = p + "-leader";
    public final String deputy = p + "-deputy";
    public final String member = p + "-member";
    public final String supervisor = p + "-sup";
    public final List<String> heads = List.of(p + "-head1", p + "-head2", p + "-head3");
    /** The people's names, as the pages show them. */
    public final Map<String, String> names = new HashMap<>();

    public NewTown(int port) {
        Api admin = new Api(port, "admin", ADMIN_PASSWORD);
        county = id(admin.post("/api/regions", Map.of("name", "新县" + p, "level", "COUNTY")));
        town = id(admin.post("/api/regions", Map.of("name", name, "level", "TOWN", "parentId", county)));
        person(admin, office, "刘主任", "OFFICE");
        Api o = new Api(port, office, PASSWORD);
        person(o, leader, "李书记", "LEADING_GROUP");
        person(o, deputy, "王镇长", "LEADING_GROUP");
        person(o, member, "赵委员", "LEADING_GROUP");
        person(o, supervisor, "孙督查", "SUPERVISOR");
        person(o, heads.get(0), "陈主任", "UNIT_HEAD");
        person(o, heads.get(1), "周院长", "UNIT_HEAD");
        person(o, heads.get(2), "吴书记", "UNIT_HEAD");
    }

    private void person(Api api, String userId, String personName, String role) {
        Api.Reply r = api.post("/api/regions/" + town + "/people", Map.of("userId", userId, "name", personName,
                "email", userId + "@test.example", "password", PASSWORD, "role", role));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        names.put(userId, personName);
    }

    private static long id(Api.Reply r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
