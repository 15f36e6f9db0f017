package cn.chuangwei.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignTemplate.TemplatePhase;
import cn.chuangwei.campaign.CampaignTemplate.TemplateTask;
import cn.chuangwei.standard.StandardFile;
import cn.chuangwei.standard.Standards;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every kind of campaign has a template, and every template fits its standard: the standard is shipped and valid, each
 * task's area is one of the standard's (a task whose area the standard lacks would lose its area unseen), and each unit
 * role has its name in both page bundles (the set-up page would show the role's id otherwise).
 */
class CampaignKindsTemplatesTest {

    @Test
    void everyKindHasATemplateWhoseTasksFitItsStandardAndWhoseRolesHaveNames() throws IOException {
        Map<String, StandardFile> standards = new HashMap<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:standards/*.yaml")) {
            try (InputStream in = file.getInputStream()) {
                StandardFile s = Standards.parse(in.readAllBytes());
                standards.put(s.code(), s);
            }
        }
        Properties zh = bundle("messages/pages_zh_CN.properties");
        Properties en = bundle("messages/pages.properties");
        List<String> problems = new ArrayList<>();
        CampaignTemplates templates = new CampaignTemplates();
        assertThat(templates.all().stream().map(CampaignTemplate::kind).collect(Collectors.toSet()))
                .as("a template for every kind").containsExactlyInAnyOrder(CampaignKind.values());
        for (CampaignTemplate t : templates.all()) {
            StandardFile standard = standards.get(t.standard());
            if (standard == null) {
                problems.add(t.id() + ": no shipped standard " + t.standard());
                continue;
            }
            Set<String> areas = standard.areas().stream().map(StandardFile.Area::code).collect(Collectors.toSet());
            for (TemplatePhase p : t.phases()) {
                for (TemplateTask task : p.tasks()) {
                    if (task.area() == null || !areas.contains(task.area())) {
                        problems.add(t.id() + " / " + task.title() + ": area " + task.area() + " is not in " + t.standard());
                    }
                    String key = "page.setup.role." + task.unit();
                    if (!CampaignTemplate.VILLAGES.equals(task.unit()) && (!zh.containsKey(key) || !en.containsKey(key))) {
                        problems.add(t.id() + ": the role " + task.unit() + " has no name in both bundles");
                    }
                }
            }
            // every area of the standard has work in the template
            Set<String> worked = t.phases().stream().flatMap(p -> p.tasks().stream()).map(TemplateTask::area)
                    .collect(Collectors.toSet());
            areas.stream().filter(a -> !worked.contains(a)).forEach(a -> problems.add(t.id() + ": no task for area " + a));
        }
        assertThat(problems.stream().distinct().toList()).isEmpty();
    }

    @Test
    void theForestCoverIsOneIndicatorAtTheStrictestTerrainUnlessTheCampaignSetsItsOwn() throws IOException {
        StandardFile forest;
        try (InputStream in = new ClassPathResource("standards/forest-city-town.yaml").getInputStream()) {
            forest = Standards.parse(in.readAllBytes());
        }
        List<StandardFile.Indicator> cover = forest.areas().stream().flatMap(a -> a.indicators().stream())
                .filter(i -> i.code().startsWith("FOREST_COVER")).toList();
        assertThat(cover).hasSize(1);
        assertThat(cover.get(0).threshold()).isEqualTo(60);
        assertThat(cover.get(0).comparison()).isEqualTo("GE");
        // the other numbers the issue names, as the seed's district plan gives them
        Map<String, Object> thresholds = forest.areas().stream().flatMap(a -> a.indicators().stream())
                .collect(Collectors.toMap(StandardFile.Indicator::code, StandardFile.Indicator::threshold));
        assertThat(thresholds).containsEntry("BUILT_UP_GREEN_COVER", 35).containsEntry("GREEN_SPACE_RATE", 33)
                .containsEntry("PARK_GREEN_PER_CAPITA", 9).containsEntry("PARK_NEARBY_SHARE", 85)
                .containsEntry("NATIVE_SPECIES_SHARE", 80);
        StandardFile civilized;
        try (InputStream in = new ClassPathResource("standards/civilized-city-town.yaml").getInputStream()) {
            civilized = Standards.parse(in.readAllBytes());
        }
        Map<String, StandardFile.Indicator> civ = civilized.areas().stream().flatMap(a -> a.indicators().stream())
                .collect(Collectors.toMap(StandardFile.Indicator::code, i -> i));
        assertThat(civ.get("PSA_OUTDOOR_SHARE").threshold()).isEqualTo(20);
        assertThat(civ.get("PSA_HOARDING_SHARE").threshold()).isEqualTo(30);
        assertThat(civ.get("CIVILITY_SIGN_SPACING").threshold()).isEqualTo(500);
        assertThat(civ.get("CIVILITY_SIGN_SPACING").comparison()).isEqualTo("LE");
        // no number of these two files rests on a published national text, and each says so
        for (StandardFile s : List.of(forest, civilized)) {
            assertThat(s.areas().stream().flatMap(a -> a.indicators().stream()).map(i -> i.source().status()))
                    .doesNotContain("PUBLISHED").isNotEmpty();
        }
        assertThat(Arrays.asList(civ.get("VOLUNTEER_REGISTERED_SHARE").source().status(),
                civ.get("VOLUNTEER_ACTIVE_SHARE").source().status())).containsOnly("INDICATOR_ONLY");
    }

    private static Properties bundle(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
