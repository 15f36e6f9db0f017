package cn.chuangwei.campaign;

import cn.chuangwei.campaign.CampaignTemplate.TemplatePhase;
import cn.chuangwei.campaign.CampaignTemplate.TemplateTask;
import cn.chuangwei.kernel.Phase;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The campaign templates shipped under {@code templates/}, read and checked once at start-up. */
@Component
class CampaignTemplates {

    private final Map<String, CampaignTemplate> templates = new LinkedHashMap<>();

    CampaignTemplates() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/*.yaml");
        List<CampaignTemplate> read = new ArrayList<>();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                CampaignTemplate t = yaml.readValue(in, CampaignTemplate.class);
                check(t, file.getFilename());
                read.add(t);
            }
        }
        // offered in the order of the kinds (创卫 first, then 创文, 创森), then by level and id: not by file name
        read.sort(Comparator.comparing(CampaignTemplate::kind).thenComparing(CampaignTemplate::level)
                .thenComparing(CampaignTemplate::id));
        read.forEach(t -> templates.put(t.id(), t));
    }

    public Optional<CampaignTemplate> find(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    public Collection<CampaignTemplate> all() {
        return templates.values();
    }

    private static void check(CampaignTemplate t, String file) {
        if (t.id() == null || t.phases() == null || t.phases().size() != Phase.values().length) {
            throw new IllegalStateException(file + ": a template needs an id and all five phases");
        }
        for (int i = 0; i < t.phases().size(); i++) {
            TemplatePhase p = t.phases().get(i);
            if (p.phase() != Phase.values()[i] || p.days() < 1) {
                throw new IllegalStateException(file + ": phase " + (i + 1) + " must be " + Phase.values()[i] + " with days >= 1");
            }
            Set<String> titles = new HashSet<>();
            for (TemplateTask task : p.tasks()) {
                if (task.title() == null || task.title().isBlank() || !titles.add(task.title()) || task.unit() == null
                        || task.dueDay() < 1 || task.dueDay() > p.days()) {
                    throw new IllegalStateException(file + ": bad task in " + p.phase() + ": " + task.title());
                }
            }
        }
    }

}
