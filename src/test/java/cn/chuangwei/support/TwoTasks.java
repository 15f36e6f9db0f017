package cn.chuangwei.support;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.campaign.CampaignSetupService;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.task.EvidenceService;
import cn.chuangwei.task.TaskRow;
import cn.chuangwei.task.TaskRowRepository;
import cn.chuangwei.task.WorkService;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * A campaign started on 2027-05-01 (the clock at 2027-05-03 09:00) whose first phase has two tasks: the critical
 * 召开创卫动员大会 of 党政办 (due 2027-05-05) and 主要街道悬挂创卫标语 of 城管环卫中心 (due 2027-05-06); each step taken
 * through the application's services as the person who takes it.
 */
public class TwoTasks {

    public final Fixture f;
    public final CampaignDriver driver;
    public final long meeting;
    public final long banners;
    private final IdentityService identity;
    private final WorkService work;
    private final EvidenceService evidence;
    private final ManagementService management;

    public TwoTasks(ApplicationContext app) {
        this.identity = app.getBean(IdentityService.class);
        this.work = app.getBean(WorkService.class);
        this.evidence = app.getBean(EvidenceService.class);
        this.management = app.getBean(ManagementService.class);
        app.getBean(TestClock.class).set(LocalDateTime.of(2027, 5, 3, 9, 0));
        f = new Fixture(identity);
        driver = CampaignDriver.started(app.getBean(CampaignSetupService.class), app.getBean(RuntimeService.class),
                app.getBean(TaskService.class), management, f, LocalDate.of(2027, 5, 1), List.of(
                        new TaskRequest("MOBILIZATION", "召开创卫动员大会", "全镇干部群众参加", f.unit("dzb"), null, "2027-05-05", true, "ORG_MANAGEMENT"),
                        new TaskRequest("MOBILIZATION", "主要街道悬挂创卫标语", "每条主要街道不少于5条", f.unit("cgzx"), null, "2027-05-06", false, "HEALTH_EDUCATION")));
        List<TaskRow> rows = app.getBean(TaskRowRepository.class).ofCampaign(driver.campaignId, Phase.MOBILIZATION, null, null);
        meeting = rows.get(0).id();
        banners = rows.get(1).id();
    }

    /**
     * The unit's head uploads the files in order (a {@code .png} name is a photo, described 现场照片; a {@code .pdf} a
     * document) and submits the result.
     */
    public void submit(String unit, long rowId, String result, String... files) {
        Task t = driver.openOfRow("unitTask", rowId);
        SignedIn.run(identity, f.head(unit), () -> {
            for (String name : files) {
                boolean pdf = name.endsWith(".pdf");
                evidence.upload(t.getId(), name, pdf ? "application/pdf" : "image/png", pdf ? pdf() : png(),
                        pdf ? "DOCUMENT" : "PHOTO", null, null, pdf ? null : "现场照片");
            }
            work.complete(t.getId(), Map.of("resultSummary", result));
        });
    }

    /** The office decides the row's review. */
    public void review(long rowId, Map<String, Object> answers) {
        SignedIn.run(identity, f.office, () -> work.complete(driver.openOfRow("reviewTask", rowId).getId(), answers));
    }

    /**
     * The banners are accepted, the meeting never held; the clock passes the phase's work deadline (2027-05-10 18:00)
     * and the gate opens: half the tasks accepted, a critical one open.
     */
    public void gateWithTheMeetingOpen(TestClock clock) {
        submit("cgzx", banners, "已悬挂");
        review(banners, Map.of("reviewDecision", "ACCEPT"));
        clock.set(LocalDateTime.of(2027, 5, 11, 9, 0));
        management.executeJob(management.createJobQuery().processInstanceId(driver.sub("campaign-phase").getId())
                .activityId("WorkDeadlineReached").singleResult().getId());
    }

    /** The signer's own task of the open gate. */
    public Task gateTaskOf(String user) {
        return driver.open("signGate").stream().filter(t -> user.equals(t.getAssignee())).findFirst().orElseThrow();
    }

    /** A 320×240 PNG, as a phone's photo would be (smaller). */
    public static byte[] png() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2e7d32));
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.WHITE);
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

    /** A one-page PDF, as a clerk's scan would be. */
    public static byte[] pdf() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
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
}
