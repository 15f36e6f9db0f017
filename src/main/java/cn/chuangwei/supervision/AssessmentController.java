package cn.chuangwei.supervision;

import cn.chuangwei.org.CurrentUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The monthly assessment and ranking (published to all); the office closes a month, which freezes it. */
@RestController
@RequestMapping("/api/campaigns/{campaignId}/assessment")
class AssessmentController {

    private final AssessmentService assessment;
    private final CurrentUser currentUser;

    AssessmentController(AssessmentService assessment, CurrentUser currentUser) {
        this.assessment = assessment;
        this.currentUser = currentUser;
    }

    @GetMapping("/{month}")
    AssessmentService.Month month(@PathVariable long campaignId, @PathVariable String month) {
        return assessment.month(campaignId, AssessmentService.parseMonth(month));
    }

    @PostMapping("/{month}/close")
    AssessmentService.Month close(@PathVariable long campaignId, @PathVariable String month) {
        currentUser.requireOffice();
        return assessment.close(campaignId, AssessmentService.parseMonth(month), currentUser.id());
    }

    @GetMapping("/{month}/xlsx")
    ResponseEntity<byte[]> excel(@PathVariable long campaignId, @PathVariable String month) {
        AssessmentService.Month m = assessment.month(campaignId, AssessmentService.parseMonth(month));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("月度考核-" + m.month() + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(xlsx(m));
    }

    static byte[] xlsx(AssessmentService.Month m) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("月度考核");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(safe(m.campaignName() + " " + m.month() + " 月度考核" + (m.closed() ? "（已定稿）" : "（未定稿）")));
            title.getCell(0).setCellStyle(bold);
            String[] headers = {"排名", "责任单位", "得分", "逾期任务数", "逾期工作日", "返工次数", "督办扣分", "案件扣分", "合计扣分"};
            Row header = sheet.createRow(2);
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
                header.getCell(i).setCellStyle(bold);
            }
            int r = 3;
            for (AssessmentService.Score s : m.scores()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(s.rank());
                row.createCell(1).setCellValue(safe(s.unitName()));
                row.createCell(2).setCellValue(s.score().doubleValue());
                row.createCell(3).setCellValue(s.overdueTasks());
                row.createCell(4).setCellValue(s.overdueDays());
                row.createCell(5).setCellValue(s.rework());
                row.createCell(6).setCellValue(s.escalationPoints().doubleValue());
                row.createCell(7).setCellValue(s.casePoints().doubleValue());
                row.createCell(8).setCellValue(s.deductions().doubleValue());
            }
            sheet.setColumnWidth(1, 30 * 256);
            for (int i = 2; i < headers.length; i++) {
                sheet.setColumnWidth(i, 12 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text a spreadsheet could take for a formula is kept as text. */
    static String safe(String s) {
        if (s != null && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }
}
