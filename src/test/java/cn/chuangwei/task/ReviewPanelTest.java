package cn.chuangwei.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.TaskPanel;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.support.CampaignDriver;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.SignedIn;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.TwoTasks;
import org.springframework.context.ApplicationContext;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
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
    ApplicationContext app;
    @Autowired
    IdentityService identity;
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
    @Autowired
    TaskService tasks;

    TwoTasks two;
    Fixture f;
    CampaignDriver driver;
    long meeting;
    long banners;

    @BeforeEach
    void setUp() {
        two = new TwoTasks(app);
        f = two.f;
        driver = two.driver;
        meeting = two.meeting;
        banners = two.banners;
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    <T> T as(String user, Supplier<T> work) {
        return SignedIn.as(identity, user, work);
    }

    @Test
    void theOfficeSeesTheResultAllItsEvidenceAndTheEarlierRounds() {
        two.submit("dzb", meeting, "已召开动员大会，参会300人", "会场.png", "动员方案.pdf");
        clock.set(LocalDateTime.of(2027, 5, 7, 10, 0));
        two.submit("cgzx", banners, "已悬挂标语", "会场.png", "动员方案.pdf");
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
        two.submit("dzb", meeting, "已召开动员大会", "会场.png");
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
        two.submit("dzb", meeting, "已召开动员大会", "会场.png");
        String review = driver.openOfRow("reviewTask", meeting).getId();
        for (String user : List.of(f.head("dzb"), f.head("cgzx"), f.supervisors.get(0), f.members.get(0), f.outsider)) {
            assertThatThrownBy(() -> as(user, () -> panel.view(review, Texts.ZH)))
                    .as(user).isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.status()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND));
        }
        // another town's office works in another town: not this review
        TwoTasks other = new TwoTasks(app);
        assertThatThrownBy(() -> as(other.f.office, () -> panel.view(review, Texts.ZH))).isInstanceOf(ApiException.class);
        TaskPanel.View view = as(f.office, () -> panel.view(review, Texts.ZH));
        assertThat(view.template()).isEqualTo("panels/review");
    }
}
