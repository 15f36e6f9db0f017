package cn.chuangwei.campaign;

import cn.chuangwei.org.Region;

import cn.chuangwei.standard.StandardInUse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Campaigns, their units and their people. */
@Repository
public class CampaignRepository implements StandardInUse {

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, Region town, CampaignKind kind, CampaignLevel level, String standardCode, String templateId,
                String createdBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into campaign (name, town, town_id, kind, level, standard_code, template_id, status, active_key,
                                      created_by, created_at)
                values (:name, :town, :townId, :kind, :level, :standard, :template, :draft, :activeKey, :createdBy, :now)""")
                .param("draft", CampaignStatus.DRAFT.name()).param("name", name).param("town", town.name())
                .param("townId", town.id()).param("kind", kind.name()).param("level", level.name())
                .param("standard", standardCode).param("template", templateId)
                .param("activeKey", activeKey(town.name(), kind, level)).param("createdBy", createdBy)
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    static String activeKey(String town, CampaignKind kind, CampaignLevel level) {
        return town + "|" + kind + "|" + level;
    }

    boolean activeExists(String town, CampaignKind kind, CampaignLevel level) {
        return jdbc.sql("select count(*) from campaign where active_key = :k")
                .param("k", activeKey(town, kind, level)).query(Integer.class).single() > 0;
    }

    void insertUnit(long campaignId, CampaignUnit unit) {
        jdbc.sql("""
                insert into campaign_unit (campaign_id, code, name, type, head_user_id, deputy_user_id, roles)
                values (:c, :code, :name, :type, :head, :deputy, :roles)""")
                .param("c", campaignId).param("code", unit.code()).param("name", unit.name())
                .param("type", unit.type().name()).param("head", unit.headUserId()).param("deputy", unit.deputyUserId())
                .param("roles", String.join(",", unit.roles()))
                .update();
    }

    void insertMember(long campaignId, CampaignMember member) {
        jdbc.sql("insert into campaign_member (campaign_id, user_id, role) values (:c, :u, :r)")
                .param("c", campaignId).param("u", member.userId()).param("r", member.role().name()).update();
    }

    /** The town that already uses this unit code in another campaign, if it is not the given town. */
    Optional<String> otherTownUsingUnit(String code, String town) {
        return jdbc.sql("""
                select c.town from campaign_unit u join campaign c on c.id = u.campaign_id
                where u.code = :code and c.town <> :town""")
                .param("code", code).param("town", town).query(String.class).optional();
    }

    void activate(long campaignId, String processInstanceId) {
        jdbc.sql("update campaign set status = :s, process_instance_id = :pi where id = :id")
                .param("s", CampaignStatus.ACTIVE.name()).param("pi", processInstanceId).param("id", campaignId).update();
    }

    void complete(long campaignId, Instant now) {
        jdbc.sql("update campaign set status = :s, active_key = null, completed_at = :now where id = :id")
                .param("s", CampaignStatus.COMPLETED.name()).param("now", Timestamp.from(now)).param("id", campaignId).update();
    }

    /** Ends a campaign without naming; the reason stays on record. */
    public void close(long campaignId, String reason, Instant now) {
        jdbc.sql("""
                update campaign set status = :s, active_key = null, completed_at = :now, closed_reason = :r
                where id = :id""").param("s", CampaignStatus.CLOSED.name()).param("now", Timestamp.from(now)).param("r", reason).param("id", campaignId).update();
    }

    public Optional<Campaign> find(long id) {
        return jdbc.sql("select * from campaign where id = :id").param("id", id).query(CampaignRepository::campaign).optional();
    }

    /** The campaigns under way. */
    public List<Campaign> active() {
        return jdbc.sql("select * from campaign where status = :s order by id").param("s", CampaignStatus.ACTIVE.name())
                .query(CampaignRepository::campaign).list();
    }

    /** The campaigns of these towns (regions), in the order they were created. */
    public List<Campaign> ofTowns(Collection<Long> townIds) {
        if (townIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from campaign where town_id in (:t) order by id").param("t", townIds)
                .query(CampaignRepository::campaign).list();
    }

    /** Whether a unit of this code takes part in the campaign (in any campaign when none is given). */
    public boolean unitExists(String code, Long campaignId) {
        return jdbc.sql("""
                select count(*) from campaign_unit where code = :u and (cast(:c as bigint) is null or campaign_id = :c)""")
                .param("u", code).param("c", campaignId).query(Integer.class).single() > 0;
    }

    /** Whether the person leads the campaign's leading group or is a deputy in it (in any campaign when none is given). */
    public boolean isLeaderOrDeputy(String userId, Long campaignId) {
        return jdbc.sql("""
                select count(*) from campaign_member where user_id = :d and role in (:roles)
                and (cast(:c as bigint) is null or campaign_id = :c)""")
                .param("d", userId).param("roles", List.of(MemberRole.LEADER.name(), MemberRole.DEPUTY.name()))
                .param("c", campaignId).query(Integer.class).single() > 0;
    }

    @Override
    public boolean inUse(String standardCode) {
        return jdbc.sql("select count(*) from campaign where standard_code = :c").param("c", standardCode)
                .query(Integer.class).single() > 0;
    }

    /** Whether the town has had a campaign. */
    public boolean townHasCampaign(String town) {
        return jdbc.sql("select count(*) from campaign where town = :t").param("t", town).query(Integer.class).single() > 0;
    }

    /** Of these towns, those that have had a campaign, in one query. */
    public java.util.Set<String> townsWithCampaigns(java.util.Collection<String> towns) {
        if (towns.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select distinct town from campaign where town in (:t)")
                .param("t", towns).query(String.class).list());
    }

    /** The town is named (命名): the date, the naming document, and when the re-review (复审) falls due. */
    public void recordNaming(long campaignId, LocalDate namedOn, String document, LocalDate nextReview) {
        jdbc.sql("update campaign set named_on = :d, naming_document = :doc, next_review_on = :r where id = :c")
                .param("d", namedOn).param("doc", document).param("r", nextReview).param("c", campaignId).update();
    }

    /** The title is withdrawn (撤销) after a second failed re-review: no further re-review falls due. */
    public void recordWithdrawal(long campaignId, LocalDate on, String document) {
        jdbc.sql("""
                update campaign set title_withdrawn_on = :d, title_withdrawal_document = :doc, next_review_on = null
                where id = :c""").param("d", on).param("doc", document).param("c", campaignId).update();
    }

    /** When the next re-review falls due. */
    public void nextReview(long campaignId, LocalDate on) {
        jdbc.sql("update campaign set next_review_on = :r where id = :c").param("r", on).param("c", campaignId).update();
    }

    public LocalDate nextReviewOn(long campaignId) {
        return jdbc.sql("select next_review_on from campaign where id = :c").param("c", campaignId)
                .query(java.sql.Date.class).single().toLocalDate();
    }

    List<Campaign> findAll() {
        return jdbc.sql("select * from campaign order by id").query(CampaignRepository::campaign).list();
    }

    List<Campaign> findVisibleTo(String userId, List<String> unitCodes) {
        // (an empty "in ()" is no SQL; PostgreSQL refuses a NUL character as a stand-in)
        String byCode = unitCodes.isEmpty() ? "" : " or u.code in (:codes)";
        var query = jdbc.sql("""
                select * from campaign c where exists (select 1 from campaign_member m where m.campaign_id = c.id and m.user_id = :u)
                or exists (select 1 from campaign_unit u where u.campaign_id = c.id and (u.head_user_id = :u%s))
                order by id""".formatted(byCode)).param("u", userId);
        if (!unitCodes.isEmpty()) {
            query = query.param("codes", unitCodes);
        }
        return query.query(CampaignRepository::campaign).list();
    }

    /** The most recent campaign of a town, whose units and people a campaign started from Tasklist takes over. */
    Optional<Campaign> latestOfTown(String town) {
        return jdbc.sql("select * from campaign where town = :t order by id desc fetch first 1 rows only")
                .param("t", town).query(CampaignRepository::campaign).optional();
    }

    public List<CampaignUnit> units(long campaignId) {
        return jdbc.sql("select * from campaign_unit where campaign_id = :c order by code").param("c", campaignId)
                .query((rs, n) -> new CampaignUnit(rs.getString("code"), rs.getString("name"),
                        UnitType.valueOf(rs.getString("type")), rs.getString("head_user_id"), rs.getString("deputy_user_id"),
                        splitRoles(rs.getString("roles"))))
                .list();
    }

    public Optional<CampaignUnit> unit(long campaignId, String code) {
        return units(campaignId).stream().filter(u -> u.code().equals(code)).findFirst();
    }

    public List<CampaignMember> members(long campaignId) {
        return jdbc.sql("select user_id, role from campaign_member where campaign_id = :c order by role, user_id")
                .param("c", campaignId)
                .query((rs, n) -> new CampaignMember(rs.getString("user_id"), MemberRole.valueOf(rs.getString("role"))))
                .list();
    }

    /** The leading group's members who sign a phase gate, the leader first. */
    public List<String> gateSigners(long campaignId) {
        return members(campaignId).stream().filter(m -> m.role().signsGates())
                .sorted((a, b) -> a.role().compareTo(b.role())).map(CampaignMember::userId).distinct().toList();
    }

    public Optional<String> leader(long campaignId) {
        return members(campaignId).stream().filter(m -> m.role() == MemberRole.LEADER).map(CampaignMember::userId).findFirst();
    }

    private static List<String> splitRoles(String roles) {
        return roles == null || roles.isBlank() ? List.of() : Arrays.stream(roles.split(",")).map(String::trim).toList();
    }

    private static Campaign campaign(ResultSet rs, int n) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new Campaign(rs.getLong("id"), rs.getString("name"), rs.getString("town"),
                CampaignKind.valueOf(rs.getString("kind")), CampaignLevel.valueOf(rs.getString("level")),
                rs.getString("standard_code"), rs.getString("template_id"), CampaignStatus.valueOf(rs.getString("status")),
                rs.getString("process_instance_id"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                completed == null ? null : completed.toInstant(), rs.getLong("town_id"));
    }
}
