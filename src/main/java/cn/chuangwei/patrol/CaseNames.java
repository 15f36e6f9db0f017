package cn.chuangwei.patrol;

import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.kernel.AppRights;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.org.Directory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a case's codes read as, in one place: a category by its name (乱堆乱放, not {@code CLUTTER}) and its class
 * (事件 · 街面秩序), a source by its name (上级交办, not {@code ASSIGNED}), a grid by its name
 * (新华社区网格, not {@code G2}), a unit by its name, a person by name. Task titles, the lists, the case page, the task
 * panel, mails and exports all ask here.
 */
@Component
class CaseNames {

    private final JdbcClient jdbc;
    private final CampaignRepository campaigns;
    private final Directory directory;
    private final AppRights appRights;
    private final Texts texts;

    CaseNames(JdbcClient jdbc, CampaignRepository campaigns, Directory directory, AppRights appRights, Texts texts) {
        this.texts = texts;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.directory = directory;
        this.appRights = appRights;
    }

    /**
     * A category (a small class) with its big class, after GB/T 30428.2's division into 部件 ({@code PART}) and 事件
     * ({@code EVENT}); {@code classNo} is our code and {@code provenance} says how far it rests on the standard
     * ({@code RECONSTRUCTION}: named after its division, our code; {@code LOCAL_PRACTICE}: a class of our own).
     */
    record Category(String code, String classNo, String kind, String classCode, String className, String name,
                    String provenance) {
    }

    /** A big class and its small classes, as the report form groups its choices: "部件 · 公用设施". */
    record Group(String label, List<Category> categories) {
    }

    /** Every category with its class, in the reader's language, in the classes' order. */
    List<Category> classified(Locale locale) {
        boolean en = locale != null && "en".equals(locale.getLanguage());
        String n = en ? "name_en" : "name_zh";
        return jdbc.sql("select c.code, c.class_no, k.kind, k.code class_code, k." + n + " class_name, c." + n
                        + " name, c.provenance from case_category c join case_class k on k.code = c.class_code"
                        + " order by k.seq, c.seq")
                .query((rs, i) -> new Category(rs.getString("code"), rs.getString("class_no"), rs.getString("kind"),
                        rs.getString("class_code"), rs.getString("class_name"), rs.getString("name"),
                        rs.getString("provenance")))
                .list();
    }

    /** The categories grouped by big class, each group named by its kind and class (部件 · 公用设施). */
    List<Group> groups(Locale locale) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Category c : classified(locale)) {
            groups.computeIfAbsent(c.classCode(), k -> new Group(kind(c.kind(), locale) + " · " + c.className(),
                    new java.util.ArrayList<>())).categories().add(c);
        }
        return List.copyOf(groups.values());
    }

    /** A category with its class in words: "事件 · 街面秩序 · 乱堆乱放"; a code without a name stays as it is. */
    String classifiedName(String code, Locale locale) {
        return classified(locale).stream().filter(c -> c.code().equals(code)).findFirst()
                .map(c -> kind(c.kind(), locale) + " · " + c.className() + " · " + c.name()).orElse(code);
    }

    private String kind(String kind, Locale locale) {
        return texts.get("page.case.kind." + kind, locale);
    }

    /** Every category's name in the reader's language (English for {@code en}, else Chinese), by code, in the standard's order. */
    Map<String, String> categories(Locale locale) {
        boolean en = locale != null && "en".equals(locale.getLanguage());
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select code, name_zh, name_en from case_category order by seq")
                .query(rs -> {
                    names.put(rs.getString("code"), rs.getString(en ? "name_en" : "name_zh"));
                });
        return names;
    }

    /** One category's name in the reader's language; a code without a name stays as it is. */
    String category(String code, Locale locale) {
        return categories(locale).getOrDefault(code, code);
    }

    /** The campaign's grids' names by code. */
    Map<String, String> grids(long campaignId) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select code, name from patrol_grid where campaign_id = :c order by code").param("c", campaignId)
                .query(rs -> {
                    names.put(rs.getString("code"), rs.getString("name"));
                });
        return names;
    }

    /** A grid's name; a grid the office has since removed keeps its code. */
    String grid(long campaignId, String code) {
        return grids(campaignId).getOrDefault(code, code);
    }

    /** The campaign's units' names by code. */
    Map<String, String> units(long campaignId) {
        return campaigns.units(campaignId).stream().collect(Collectors.toMap(CampaignUnit::code, CampaignUnit::name));
    }

    /** A unit's name, or "" for none (a case not dispatched yet). */
    String unit(long campaignId, String code) {
        return code == null ? "" : units(campaignId).getOrDefault(code, code);
    }

    /** People by name (李镇长, not {@code lizz}), each looked up once per use. */
    Function<String, String> people() {
        Map<String, String> known = new LinkedHashMap<>();
        return id -> id == null ? "" : known.computeIfAbsent(id, u -> appRights.lookUp(() -> directory.displayName(u)));
    }

    /** The case as its tasks are titled: "乱堆乱放：青山路12号" (the category by its Chinese name, never its code). */
    String title(PatrolCase c) {
        return category(c.category(), cn.chuangwei.kernel.Texts.ZH) + "：" + c.address();
    }

    /** A case's source in words (巡查上报, 热线投诉, 上级交办, 视频监控). */
    String source(String source, Locale locale) {
        return texts.get("page.case.source." + source, locale);
    }

    /** The codes a report may name as its category, in the standard's order. */
    List<String> categoryCodes() {
        return List.copyOf(categories(cn.chuangwei.kernel.Texts.ZH).keySet());
    }
}
