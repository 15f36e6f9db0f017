package cn.chuangwei.work;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The workbench's endpoints as its page's script calls them (session, CSRF header): evidence attached, shown inline with
 * its real type, drawn as a thumbnail; a file of the wrong kind refused in both languages with nothing written; another
 * unit refused; a wrong file removed (and noted in the row's history) only while the task is open; completion refused
 * naming the field.
 */
@H2Test
class WorkApiTest {

    static final String AREA = "ORG_MANAGEMENT";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    Fixture f;
    long campaign;
    String task;
    long row;
    WebSession head;

    @BeforeEach
    void seed() {
        clock.set(LocalDateTime.of(2027, 3, 1, 10, 0));
        f = new Fixture(identity);
        campaign = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 3, 1), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", null, f.unit("dzb"), null, "2027-03-03", true, null),
                new TaskRequest("MOBILIZATION", "清理主要街道", null, f.unit("cgzx"), null, "2027-03-04", false, null)),
                false)).id();
        task = new Api(port, f.head("dzb"), Fixture.PASSWORD).get("/api/tasks?campaignId=" + campaign).json().get(0)
                .get("id").asText();
        row = jdbc.sql("select id from task_row where campaign_id = :c and unit_code = :u").param("c", campaign)
                .param("u", f.unit("dzb")).query(Long.class).single();
        head = signedIn(f.head("dzb"));
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    WebSession signedIn(String user) {
        WebSession s = new WebSession(port);
        assertThat(s.login(user, Fixture.PASSWORD).location()).doesNotContain("error");
        return s;
    }

    long upload(String name, String type, byte[] content) throws IOException {
        WebSession.Page p = head.upload("/work", "/work/tasks/" + task + "/evidence", name, type, content, "area", AREA);
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        return new ObjectMapper().readTree(p.body()).get("id").asLong();
    }

    int files() {
        return jdbc.sql("select count(*) from evidence where task_row_id = :r").param("r", row).query(Integer.class).single();
    }

    HttpResponse<byte[]> fetch(WebSession s, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "SESSION=" + s.cookie("SESSION")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void evidenceIsShownInlineWithItsRealTypeAndAsAThumbnail() throws Exception {
        byte[] photo = Samples.photo("png", new Color(0x1565c0));
        long image = upload("现场.png", "application/octet-stream", photo);
        long pdf = upload("纪要.pdf", "application/pdf", Samples.pdf());
        long word = upload("方案.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});

        HttpResponse<byte[]> file = fetch(head, "/work/evidence/" + image);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(type(file)).isEqualTo("image/png");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
        assertThat(file.body()).isEqualTo(photo);
        assertThat(type(fetch(head, "/work/evidence/" + pdf))).isEqualTo("application/pdf");
        HttpResponse<byte[]> doc = fetch(head, "/work/evidence/" + word);
        assertThat(type(doc)).isEqualTo("application/octet-stream");
        assertThat(doc.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");

        BufferedImage thumb = thumb(head, image);
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(240);
        assertThat(new Color(thumb.getRGB(5, 5))).isEqualTo(new Color(0x1565c0));
        // the PDF's first page, drawn: its red band at the top
        BufferedImage page = thumb(head, pdf);
        assertThat(page.getHeight()).isGreaterThan(page.getWidth());
        Color band = new Color(page.getRGB(page.getWidth() / 2, (int) (page.getHeight() * 0.1)));
        assertThat(band.getRed()).isGreaterThan(150);
        assertThat(band.getGreen()).isLessThan(80);
        // a Word file: the icon
        assertThat(thumb(head, word).getWidth()).isEqualTo(120);

        // another unit's head reads none of it; the office does
        WebSession other = signedIn(f.head("cgzx"));
        assertThat(fetch(other, "/work/evidence/" + image).statusCode()).isEqualTo(403);
        assertThat(fetch(other, "/work/evidence/" + image + "/thumb").statusCode()).isEqualTo(403);
        assertThat(fetch(signedIn(f.office), "/work/evidence/" + image).statusCode()).isEqualTo(200);
        assertThat(fetch(head, "/work/evidence/999999999").statusCode()).isEqualTo(404);
    }

    /** The media type, without the charset the container adds to every response. */
    private static String type(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("").split(";")[0];
    }

    private BufferedImage thumb(WebSession s, long id) throws Exception {
        HttpResponse<byte[]> r = fetch(s, "/work/evidence/" + id + "/thumb");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(type(r)).isEqualTo("image/png");
        return ImageIO.read(new ByteArrayInputStream(r.body()));
    }

    @Test
    void aFileOfTheWrongKindIsRefusedInBothLanguagesAndNothingIsWritten() throws IOException {
        int before = files();
        for (String[] bad : List.of(new String[] {"说明.txt", "text/plain"}, new String[] {"照片.png", "image/png"},
                new String[] {"脚本.docx", "application/octet-stream"})) {
            WebSession.Page p = head.upload("/work", "/work/tasks/" + task + "/evidence", bad[0], bad[1],
                    "just some text".getBytes(StandardCharsets.UTF_8), "area", AREA);
            assertThat(p.status()).isEqualTo(400);
            JsonNode error = new ObjectMapper().readTree(p.body());
            assertThat(error.get("code").asText()).isIn("file-type-not-allowed", "not-an-image");
            assertThat(error.get("message").asText()).contains(bad[0]).containsPattern("\\p{IsHan}{4}");
            assertThat(error.get("messageEn").asText()).contains(bad[0]);
            assertThat(error.get("field").asText()).isEqualTo("file");
        }
        assertThat(files()).isEqualTo(before);
        // the API's upload takes the same check
        Api api = new Api(port, f.head("dzb"), Fixture.PASSWORD);
        assertThat(api.upload("/api/tasks/" + task + "/evidence", "a.exe", "application/octet-stream",
                new byte[] {'M', 'Z', 0, 0}, "area", AREA).status()).isEqualTo(400);
        assertThat(files()).isEqualTo(before);
        // another unit cannot attach to the task
        WebSession.Page other = signedIn(f.head("cgzx")).upload("/work", "/work/tasks/" + task + "/evidence", "a.png",
                "image/png", Samples.photo("png", Color.RED), "area", AREA);
        assertThat(other.status()).isEqualTo(403);
        assertThat(files()).isEqualTo(before);
    }

    @Test
    void aWrongFileIsRemovedByItsUnitWhileTheTaskIsOpenOnly() throws IOException {
        long wrong = upload("传错了.png", "image/png", Samples.photo("png", Color.GRAY));
        long kept = upload("现场.png", "image/png", Samples.photo("png", Color.GREEN));

        // not by another unit, nor by the office, which reads it
        assertThat(signedIn(f.head("cgzx")).postJson("/work", "/work/evidence/" + wrong + "/remove", "{}").status())
                .isEqualTo(403);
        assertThat(signedIn(f.office).postJson("/work", "/work/evidence/" + wrong + "/remove", "{}").status())
                .isEqualTo(403);
        // not without the page's CSRF token
        assertThat(head.postRaw("/work/evidence/" + wrong + "/remove", java.util.Map.of(), "forged").status())
                .isEqualTo(403);
        assertThat(files()).isEqualTo(2);

        WebSession.Page removed = head.postJson("/work", "/work/evidence/" + wrong + "/remove", "{}");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(files()).isEqualTo(1);
        assertThat(jdbc.sql("select actor || ':' || note from task_event where task_row_id = :r and event = 'EVIDENCE_REMOVED'")
                .param("r", row).query(String.class).list()).containsExactly(f.head("dzb") + ":传错了.png");
        assertThat(head.postJson("/work", "/work/evidence/" + wrong + "/remove", "{}").status()).isEqualTo(404);

        // completion refused for a missing answer, naming the field; then handed in
        WebSession.Page refused = head.postJson("/work", "/work/tasks/" + task + "/complete", "{\"resultSummary\":\" \"}");
        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = new ObjectMapper().readTree(refused.body());
        assertThat(error.get("field").asText()).isEqualTo("resultSummary");
        assertThat(error.get("message").asText()).containsPattern("\\p{IsHan}");
        WebSession.Page done = head.postJson("/work", "/work/tasks/" + task + "/complete", "{\"resultSummary\":\"已召开\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(head.get("/work").body()).contains("已提交").contains("召开动员大会");

        // handed in: the file stays
        WebSession.Page late = head.postJson("/work", "/work/evidence/" + kept + "/remove", "{}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(new ObjectMapper().readTree(late.body()).get("code").asText()).isEqualTo("evidence-task-closed");
        assertThat(files()).isEqualTo(1);
        // and the task page answers that the task was completed
        assertThat(head.get("/work/tasks/" + task).status()).isEqualTo(409);
    }
}
