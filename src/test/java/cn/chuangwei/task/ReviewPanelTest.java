package cn.chuangwei.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.campaign.CampaignSetupService;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.TaskPanel;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.support.CampaignDriver;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.SignedIn;
import cn.chuangwei.support.TestClock;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The office's review panel: the unit's result with all of its evidence and none of another row's, the deadline and
 * whether it was met, the earlier rounds with their return reasons; the refusal of a return without a reason; and no
 * panel for anyone who does not review the task.
 */
@H2Test
class ReviewPanelTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    CampaignSetupService setup;
    @Autowired
    TaskRowRepository rows;
    @Autowired
    EvidenceService evidence;
    @Autowired
    WorkService work;
    @Autowired
    ReviewPanel panel;
    @Autowired
    TestClock clock;

    Fixture f;
    CampaignDriver driver;
    long meeting;
    long banners;

    @BeforeEach
    void setUp() {
        clock.set(LocalDateTime.of(2027, 5, 3, 9, 0));
        f = new Fixture(identity);
        driver = CampaignDriver.started(setup, runtime, tasks, management, f, LocalDate.of(2027, 5, 1), List.of(
                new TaskRequest("MOBILIZATION", "召开创卫动员大会", "全镇干部群众参加", f.unit("dzb"), null, "2027-05-05", true, "ORG_MANAGEMENT"),
                new TaskRequest("MOBILIZATION", "主要街道悬挂创卫标语", "每条主要街道不少于5条", f.unit("cgzx"), null, "2027-05-06", false, "HEALTH_EDUCATION")));
        List<TaskRow> phaseRows = rows.ofCampaign(driver.campaignId, cn.chuangwei.kernel.Phase.MOBILIZATION, null, null);
        meeting = phaseRows.get(0).id();
        banners = phaseRows.get(1).id();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    <T> T as(String user, Supplier<T> work) {
        return SignedIn.as(identity, user, work);
    }

    /** The unit's head uploads a photo and a PDF and submits the result. */
    void submitWithEvidence(String unit, long rowId, String result) {
        Task t = driver.openOfRow("unitTask", rowId);
        SignedIn.run(identity, f.head(unit), () -> {
            evidence.upload(t.getId(), "会场.png", "image/png", png(), "PHOTO", null, null, "动员大会会场");
            evidence.upload(t.getId(), "动员方案.pdf", "application/pdf", pdf(), "DOCUMENT", null, null, null);
            work.complete(t.getId(), Map.of("resultSummary", result));
        });
    }

    @Test
    void theOfficeSeesTheResultAllItsEvidenceAndTheEarlierRounds() {
        submitWithEvidence("dzb", meeting, "已召开动员大会，参会300人");
        clock.set(LocalDateTime.of(2027, 5, 7, 10, 0));
        submitWithEvidence("cgzx", banners, "已悬挂标语");
        Task review = driver.openOfRow("reviewTask", meeting);
        assertThat(panel.shows(review.getTaskDefinitionKey())).isTrue();
        assertThat(panel.shows("unitTask")).isFalse();

        Map<String, Object> m = as(f.office, () -> panel.view(review.getId(), Texts.ZH)).model();
        assertThat(m).containsEntry("unitName", "党政办").containsEntry("title", "召开创卫动员大会")
                .containsEntry("result", "已召开动员大会，参会300人").containsEntry("deadline", "2027-05-05")
                .containsEntry("late", false).containsEntry("critical", true).containsEntry("reworkCount", 0)
                .containsEntry("submittedBy", "党政办负责人").containsEntry("returns", 0L);
        @SuppressWarnings("unchecked")
        List<ReviewPanel.Item> items = (List<ReviewPanel.Item>) m.get("items");
        // its own two files, not the other row's
        List<Long> own = as(f.office, () -> evidence.ofRow(meeting)).stream().map(Evidence::id).toList();
        assertThat(items).extracting(ReviewPanel.Item::id).containsExactlyElementsOf(own).hasSize(2);
        assertThat((List<?>) m.get("evidence")).extracting("id").containsExactlyElementsOf(own);
        ReviewPanel.Item photo = items.get(0);
        assertThat(photo.meta()).matches("照片 · 爱国卫生组织管理 · \\d+ (B|KB)");
        assertThat(photo.type()).isEqualTo("照片");
        assertThat(photo.area()).doesNotContain("ORG_MANAGEMENT").isNotEmpty();
        assertThat(photo.uploadedBy()).isEqualTo("党政办负责人");
        assertThat(items.get(1).type()).isEqualTo("文件");

        // the other row was submitted after its deadline (18:00 on 2027-05-06)
        Map<String, Object> late = as(f.office, () -> panel.view(driver.openOfRow("reviewTask", banners).getId(), Texts.EN))
                .model();
        assertThat(late).containsEntry("late", true).containsEntry("unitName", "城管环卫中心");
        assertThat((List<?>) late.get("items")).extracting("type").containsExactly("Photo", "Document");
    }

    @Test
    void aReturnWithoutReasonIsRefusedNamingTheFieldAndAReturnedRowShowsItsReasonToTheUnitAndToTheNextReview() {
        submitWithEvidence("dzb", meeting, "已召开动员大会");
        Task review = driver.openOfRow("reviewTask", meeting);
        assertThatThrownBy(() -> SignedIn.run(identity, f.office,
                () -> work.complete(review.getId(), Map.of("reviewDecision", "RETURN"))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.code()).isEqualTo("required");
                    assertThat(e.field()).isEqualTo("returnReason");
                });
        assertThatThrownBy(() -> SignedIn.run(identity, f.office,
                () -> work.complete(review.getId(), Map.of("reviewDecision", "RETURN", "returnReason", "\u3000 "))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).isEqualTo("returnReason"));
        assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
        assertThat(rows.find(meeting).orElseThrow().status()).isEqualTo(TaskStatus.SUBMITTED);

        SignedIn.run(identity, f.office, () -> work.complete(review.getId(),
                Map.of("reviewDecision", "RETURN", "returnReason", "缺少会场全景照片")));
        // the unit's reworked task carries the reason its form shows first
        Task redo = driver.openOfRow("unitTask", meeting);
        WorkItem item = as(f.head("dzb"), () -> work.get(redo.getId()));
        assertThat(item.form()).containsEntry("lastReturnReason", "缺少会场全景照片");

        SignedIn.run(identity, f.head("dzb"), () -> work.complete(redo.getId(), Map.of("resultSummary", "已补充全景照片")));
        Map<String, Object> m = as(f.office, () -> panel.view(driver.openOfRow("reviewTask", meeting).getId(), Texts.ZH))
                .model();
        assertThat(m).containsEntry("reworkCount", 1).containsEntry("returns", 1L).containsEntry("result", "已补充全景照片");
        @SuppressWarnings("unchecked")
        List<ReviewPanel.Event> history = (List<ReviewPanel.Event>) m.get("history");
        assertThat(history).extracting(ReviewPanel.Event::what).containsExactly("提交办理结果", "退回返工", "提交办理结果");
        assertThat(history.get(1).note()).isEqualTo("缺少会场全景照片");
        assertThat(history.get(1).who()).isEqualTo("创卫办");
        assertThat(history.get(1).returned()).isTrue();
    }

    @Test
    void onlyTheOfficeThatReviewsGetsThePanel() {
        submitWithEvidence("dzb", meeting, "已召开动员大会");
        String review = driver.openOfRow("reviewTask", meeting).getId();
        for (String user : List.of(f.head("dzb"), f.head("cgzx"), f.supervisors.get(0), f.members.get(0), f.outsider)) {
            assertThatThrownBy(() -> as(user, () -> panel.view(review, Texts.ZH)))
                    .as(user).isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.status()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND));
        }
        // another town's office works in another town: not this review
        Fixture other = new Fixture(identity);
        CampaignDriver.started(setup, runtime, tasks, management, other, LocalDate.of(2027, 5, 1));
        assertThatThrownBy(() -> as(other.office, () -> panel.view(review, Texts.ZH))).isInstanceOf(ApiException.class);
        TaskPanel.View view = as(f.office, () -> panel.view(review, Texts.ZH));
        assertThat(view.template()).isEqualTo("panels/review");
    }

    /** A one-page PDF, as a clerk's scan would be. */
    static byte[] pdf() {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            try (var s = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                s.setNonStrokingColor(0.72f, 0.11f, 0.11f);
                s.addRect(60, 700, 475, 60);
                s.fill();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0x2e7d32));
        g.fillRect(0, 0, 320, 240);
        g.setColor(java.awt.Color.WHITE);
        g.fillOval(100, 60, 120, 120);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
