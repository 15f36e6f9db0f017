package cn.chuangwei.task;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.kernel.Groups;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The office's decomposition import page and one row's edit page, without a browser: the template's headers, example
 * row and drop-down lists; a file with bad rows shows every row's every column at fault and writes nothing (the API's
 * dry run finds the same); the corrected file is committed from the session; a row's unit moves with its open task.
 */
@H2Test
class OfficePagesTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    Fixture f;
    ApiCampaign c;
    WebSession office;
    String base;

    @BeforeEach
    void setUp() {
        clock.set(LocalDateTime.of(2027, 3, 1, 10, 0));
        f = new Fixture(identity);
        c = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 3, 1), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会·" + f.p, null, f.unit("dzb"), null, "2027-03-05", true, null)),
                false));
        office = new WebSession(port);
        office.login(f.office, Fixture.PASSWORD);
        base = "/board/" + c.id();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    static byte[] xlsx(String[]... rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("任务分解表");
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int col = 0; col < rows[r].length; col++) {
                    row.createCell(col).setCellValue(rows[r][col]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static final String[] HEADER = {"阶段", "任务", "目标", "责任单位", "完成时限", "重点任务", "标准领域"};

    long rows() {
        return jdbc.sql("select count(*) from task_row where campaign_id = :c").param("c", c.id()).query(Long.class).single();
    }

    @Test
    void theTemplateListsTheCampaignsUnitsAndPhases() throws IOException {
        byte[] template = office.download(base + "/import/template.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            for (int i = 0; i < HEADER.length; i++) {
                assertThat(sheet.getRow(0).getCell(i).getStringCellValue()).isEqualTo(HEADER[i]);
            }
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("组织实施");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isIn(f.units.stream().map(u -> u.name()).toList());
            assertThat(sheet.getDataValidations()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(wb.isSheetHidden(1)).isTrue();
            List<String> units = new java.util.ArrayList<>();
            wb.getSheetAt(1).forEach(r -> {
                if (r.getCell(1) != null) {
                    units.add(r.getCell(1).getStringCellValue());
                }
            });
            assertThat(units).contains("党政办", "城管环卫中心", "东村").doesNotContain(f.unit("dzb"));
            assertThat(wb.getName("units").getRefersToFormula()).isEqualTo("lists!$B$1:$B$" + units.size());
        }
        // the template as it comes (its example row) passes the check
        WebSession.Page checked = office.upload(base + "/import", base + "/import", "模板.xlsx", template);
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(checked.body()).contains("id=\"commit\"").contains("示例");
    }

    @Test
    void badRowsAreShownByRowAndColumnAndNothingIsWritten() throws IOException {
        byte[] bad = xlsx(HEADER,
                new String[] {"组织实施", "清理主要街道·" + f.p, "无垃圾", "城管环卫中心", "2027-03-15", "是", ""},
                new String[] {"组织实施", "清理河道·" + f.p, "", "不存在的单位", "2027-13-01", "也许", ""},
                new String[] {"巩固提高", "", "", "党政办", "2027-04-01", "", "不存在的领域"});
        long before = rows();
        WebSession.Page page = office.upload(base + "/import", base + "/import", "分解表.xlsx", bad);
        assertThat(page.status()).isEqualTo(400);
        String body = page.body();
        assertThat(body).contains("共 3 行任务，其中 2 行有问题");
        assertThat(problems(body, 3)).containsExactly("责任单位", "完成时限", "重点任务");
        assertThat(problems(body, 4)).containsExactly("任务", "完成时限", "标准领域");
        assertThat(problems(body, 2)).isEmpty();
        assertThat(body).contains("责任单位：责任单位“不存在的单位”不属于本创建活动").doesNotContain("id=\"commit\"");
        assertThat(rows()).isEqualTo(before);

        // the API's dry run finds the same, and writes nothing either
        Api api = new Api(port, f.office, Fixture.PASSWORD);
        JsonNode dry = api.upload("/api/campaigns/" + c.id() + "/tasks/import?dryRun=true", "分解表.xlsx",
                "application/octet-stream", bad).json();
        assertThat(dry.get("rows").asInt()).isEqualTo(3);
        assertThat(dry.get("problems")).hasSize(6);
        assertThat(dry.get("problems").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(dry.get("problems").get(0).get("column").asText()).isEqualTo("责任单位");
        assertThat(rows()).isEqualTo(before);
        // the import itself refuses the first, as it did
        assertThat(api.upload("/api/campaigns/" + c.id() + "/tasks/import", "分解表.xlsx", "application/octet-stream", bad)
                .status()).isEqualTo(400);

        // a commit without a checked file in the session writes nothing
        assertThat(office.post(base + "/import", base + "/import/commit", Map.of("token", "x")).status()).isEqualTo(400);

        // the corrected file: checked, shown row by row, committed
        byte[] good = xlsx(HEADER,
                new String[] {"组织实施", "清理主要街道·" + f.p, "无垃圾", "城管环卫中心", "2027-03-15", "是", ""},
                new String[] {"组织实施", "清理河道·" + f.p, "", "城管环卫中心", "2027-03-18", "否", ""});
        WebSession.Page preview = office.upload(base + "/import", base + "/import", "分解表.xlsx", good);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("2027年3月15日").contains("城管环卫中心负责人").contains("清理河道·" + f.p);
        assertThat(rows()).isEqualTo(before);
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(preview.body());
        assertThat(token.find()).isTrue();
        WebSession.Page done = office.post(base + "/import", base + "/import/commit", Map.of("token", token.group(1)));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location()).contains("/tasks?imported=2");
        assertThat(rows()).isEqualTo(before + 2);
        assertThat(office.get(base + "/tasks?imported=2").body()).contains("已导入 2 项任务").contains("清理河道·" + f.p);
        // the same token again: nothing is written twice
        assertThat(office.post(base + "/import", base + "/import/commit", Map.of("token", token.group(1))).status())
                .isEqualTo(400);
        assertThat(rows()).isEqualTo(before + 2);
    }

    /** The columns at fault of the file's row, as the page lists them. */
    static List<String> problems(String body, int row) {
        Matcher m = Pattern.compile("<tr data-row=\"" + row + "\">\\s*<td[^>]*>[^<]*</td>\\s*<td[^>]*>([^<]*)</td>")
                .matcher(body);
        List<String> columns = new java.util.ArrayList<>();
        while (m.find()) {
            columns.add(m.group(1));
        }
        return columns;
    }

    @Test
    void aRowGoesToAnotherUnitWithItsOpenTaskAndTheReasonIsRecorded() {
        long rowId = jdbc.sql("select id from task_row where campaign_id = :c").param("c", c.id()).query(Long.class).single();
        String edit = base + "/tasks/" + rowId + "/edit";
        Task before = unitTask(rowId);
        assertThat(candidates(before)).containsExactly(Groups.unit(f.unit("dzb")));
        tasks.claim(before.getId(), f.head("dzb"));

        WebSession.Page page = office.get(edit);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("召开动员大会·" + f.p).contains("2027年3月5日").contains("type=\"date\"");
        // no reason: refused, named, nothing changed
        WebSession.Page refused = office.post(edit, edit, Map.of("deadline", "2027-03-08", "unit", f.unit("cgzx"),
                "reason", " "));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("必填项“调整原因”不能为空");
        assertThat(candidates(unitTask(rowId))).containsExactly(Groups.unit(f.unit("dzb")));
        // a unit not of the campaign
        assertThat(office.post(edit, edit, Map.of("unit", "no-such-unit", "reason", "x")).body())
                .contains("责任单位“no-such-unit”不属于本创建活动");

        WebSession.Page saved = office.post(edit, edit, Map.of("deadline", "2027-03-08", "unit", f.unit("cgzx"),
                "reason", "党政办人手不足，改由城管环卫中心牵头"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        Task after = unitTask(rowId);
        assertThat(candidates(after)).containsExactly(Groups.unit(f.unit("cgzx")));
        assertThat(after.getAssignee()).isNull();
        assertThat(after.getName()).startsWith("城管环卫中心：");
        assertThat(tasks.createTaskQuery().taskCandidateUser(f.head("dzb")).taskId(after.getId()).count()).isZero();
        assertThat(tasks.createTaskQuery().taskCandidateUser(f.head("cgzx")).taskId(after.getId()).count()).isEqualTo(1);
        assertThat(new Api(port, f.head("cgzx"), Fixture.PASSWORD).get("/api/tasks?campaignId=" + c.id()).json().toString())
                .contains(after.getId());
        String history = office.get(edit).body();
        assertThat(history).contains("调整责任单位").contains("党政办 → 城管环卫中心：党政办人手不足")
                .contains("调整完成时限").contains("2027年3月8日");
        JsonNode row = new Api(port, f.office, Fixture.PASSWORD).get("/api/campaigns/" + c.id() + "/tasks").json().get(0);
        assertThat(row.get("unitCode").asText()).isEqualTo(f.unit("cgzx"));
        assertThat(row.get("personUserId").asText()).isEqualTo(f.head("cgzx"));
        assertThat(row.get("deadline").asText()).isEqualTo("2027-03-08");

        // the unit head is refused the page
        WebSession head = new WebSession(port);
        head.login(f.head("cgzx"), Fixture.PASSWORD);
        assertThat(head.get(edit).status()).isEqualTo(403);
    }

    Task unitTask(long rowId) {
        return tasks.createTaskQuery().taskDefinitionKey(UnitTaskForms.UNIT_TASK)
                .taskVariableValueEquals(TaskVariables.TASK_ROW_ID, rowId).singleResult();
    }

    List<String> candidates(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }
}
