package cn.chuangwei.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.documents.TestDocuments;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** The PDFs need a Chinese TrueType font on the machine: apt-get install fonts-wqy-microhei. */
class DossierDocumentsTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
    private static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PHOTO_2 = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 1, 2, 3};
    private static final byte[] EVIL = "not really evil".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DOCX = {'P', 'K', 3, 4, 20, 0, 6, 0};

    private static final String REPORT = """
            青山镇自2025年启动省级卫生乡镇创建工作以来，在县委、县政府的正确领导下，坚持以人民健康为中心，把创卫工作作为改善人居环境、提升群众健康水平的民生工程来抓。现将有关情况汇报如下。
            一、加强组织领导，健全工作机制
            镇党委、政府成立了以镇党委书记为组长的创卫工作领导小组，下设办公室，配备专职工作人员3名。

            二、强化环境整治，补齐短板弱项
            　　累计清理卫生死角1200余处，新建改建农贸市场1个、公厕8座。""";

    private final DossierDocuments documents = new DossierDocuments(
            new DossierPdfs(TestDocuments.renderer(), TestDocuments.messages()));

    private static Dossier dossier() {
        Dossier.Area org = new Dossier.Area("ORG_MANAGEMENT", "爱国卫生组织管理", List.of(
                new Dossier.Item("ORG-01", "爱国卫生组织机构健全", List.of(
                        new Dossier.Document(11, "关于成立创卫领导小组的通知.pdf", "文件", "镇政府正式发文", PDF))),
                new Dossier.Item("ORG-02", "爱国卫生工作制度完善、保障有力", List.of(
                        new Dossier.Document(12, "会议照片.png", "照片", "创卫推进会现场", PNG),
                        new Dossier.Document(13, "会议照片.png", "照片", "", PHOTO_2)))));
        Dossier.Area health = new Dossier.Area("HEALTH_EDUCATION", "健康教育与健康促进", List.of(
                new Dossier.Item("HE-01", "健康教育网络健全", List.of(
                        new Dossier.Document(21, "../evil", "台账", "上传时文件名带有路径", EVIL))),
                new Dossier.Item("HE-02", "健康教育宣传栏定期更新", List.of())));
        Dossier.Area vector = new Dossier.Area("VECTOR_CONTROL", "病媒生物防制", List.of(
                new Dossier.Item("VC-01", "病媒生物防制工作开展规范", List.of(
                        new Dossier.Document(31, "鼠密度监测报告 2027.docx", "监测报告",
                                "2027年第一季度由县疾控中心对镇区农贸市场、餐饮单位、居民区、背街小巷等重点场所开展的鼠密度、"
                                        + "蚊蝇蟑螂密度监测报告，各项密度均控制在国家标准C级以内", DOCX)))));
        return new Dossier("青山镇创建省级卫生乡镇", "青山镇人民政府", "国家卫生乡镇标准（2021版）",
                LocalDate.of(2027, 3, 15), REPORT, List.of(org, health, vector));
    }

    private static final String ORG = "02-佐证材料/01-爱国卫生组织管理/";
    private static final String HEALTH = "02-佐证材料/02-健康教育与健康促进/";
    private static final String VECTOR = "02-佐证材料/03-病媒生物防制/";

    /** The entry names the dossier must have, in order, with the bytes of each evidence file. */
    private static Map<String, byte[]> expectedEvidence() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(ORG + "ORG-01-关于成立创卫领导小组的通知.pdf", PDF);
        m.put(ORG + "ORG-02-会议照片.png", PNG);
        m.put(ORG + "ORG-02-会议照片(2).png", PHOTO_2);
        m.put(HEALTH + "HE-01-_evil", EVIL);
        m.put(VECTOR + "VC-01-鼠密度监测报告 2027.docx", DOCX);
        return m;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                assertThat(entries.put(e.getName(), in.readAllBytes())).as("duplicate entry %s", e.getName()).isNull();
            }
        }
        return entries;
    }

    /** PDF text with all white space removed (long lines wrap), each page read from top to bottom. */
    private static String pdfText(byte[] pdf) throws IOException {
        return TestDocuments.pdfText(pdf, 1, true);
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void zipHasTheIndexTheReportAndEveryDocumentUnchanged() throws IOException {
        Map<String, byte[]> entries = unzip(documents.zip(dossier()));

        List<String> names = new ArrayList<>(List.of(DossierDocuments.INDEX, DossierDocuments.REPORT));
        names.addAll(expectedEvidence().keySet());
        assertThat(entries.keySet()).containsExactlyElementsOf(names);
        assertThat(names).contains("00-目录.pdf", "01-工作汇报.pdf");
        expectedEvidence().forEach((name, bytes) -> assertThat(entries.get(name)).as(name).isEqualTo(bytes));
        assertThat(entries.get(DossierDocuments.INDEX)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        assertThat(entries.get(DossierDocuments.REPORT)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void noEntryEscapesItsFolder() throws IOException {
        Path root = Path.of("/unpacked/dossier");
        for (String name : unzip(documents.zip(dossier())).keySet()) {
            assertThat(name).doesNotStartWith("/").doesNotContain("\\", "..", ":").doesNotContainPattern("\\p{Cntrl}");
            assertThat(root.resolve(name).normalize()).startsWithRaw(root);
            List<String> segments = List.of(name.split("/"));
            assertThat(segments).allSatisfy(s -> assertThat(s).isNotBlank().doesNotStartWith("."));
            if (segments.size() > 1) {
                assertThat(segments).hasSize(3);
                assertThat(segments.get(0)).isEqualTo("02-佐证材料");
                assertThat(segments.get(1)).matches("0[1-3]-\\p{IsHan}+");
            }
        }
    }

    @Test
    void indexListsEveryItemAndDocumentAndTheGaps() throws IOException {
        Dossier d = dossier();
        String text = pdfText(unzip(documents.zip(d)).get(DossierDocuments.INDEX));

        assertThat(text).contains("青山镇创建省级卫生乡镇申报材料目录", "国家卫生乡镇标准（2021版）", "2027年3月15日");
        assertThat(text).contains("一、爱国卫生组织管理", "二、健康教育与健康促进", "三、病媒生物防制");
        for (Dossier.Area area : d.areas()) {
            for (Dossier.Item item : area.items()) {
                assertThat(text).contains(item.code(), squeeze(item.name()));
                for (Dossier.Document doc : item.documents()) {
                    assertThat(text).contains(doc.evidenceType());
                    if (!doc.description().isEmpty()) {
                        assertThat(text).contains(squeeze(doc.description()));
                    }
                }
            }
        }
        for (String path : expectedEvidence().keySet()) {
            assertThat(text).contains(squeeze(path));
        }
        // the item without documents is marked where it stands and listed at the end
        assertThat(text).contains("HE-02健康教育宣传栏定期更新（缺项）");
        assertThat(text).containsOnlyOnce("（缺项）");
        assertThat(text.substring(text.lastIndexOf("缺项清单"))).startsWith("缺项清单1.HE-02健康教育宣传栏定期更新");
        assertThat(text).doesNotContain("../evil");
        // the areas come in order, each item under its area
        assertThat(text.indexOf("ORG-02")).isLessThan(text.indexOf("二、健康教育"));
        assertThat(text.indexOf("HE-02")).isLessThan(text.indexOf("三、病媒生物防制"));
        assertThat(text).contains("第1页共1页");
    }

    @Test
    void reportHasTheTitleAndEveryLine() throws IOException {
        String text = pdfText(unzip(documents.zip(dossier())).get(DossierDocuments.REPORT));
        assertThat(text).startsWith("青山镇创建省级卫生乡镇工作汇报");
        for (String line : REPORT.split("\n")) {
            assertThat(text).contains(squeeze(line.strip()));
        }
        assertThat(text).containsSubsequence("一、加强组织领导", "配备专职工作人员3名", "二、强化环境整治", "公厕8座");
    }

    @Test
    void gapsAreTheItemsWithoutDocuments() {
        assertThat(dossier().gaps()).containsExactly("HE-02 健康教育宣传栏定期更新");
        Dossier none = new Dossier("x", "y", "z", LocalDate.of(2027, 1, 1), "", List.of(
                new Dossier.Area("A", "甲", List.of(new Dossier.Item("A-1", "一", List.of(
                        new Dossier.Document(1, "a.pdf", "文件", "", PDF)))))));
        assertThat(none.gaps()).isEmpty();
    }

    @Test
    void aDossierWithoutGapsSaysSoAndALongIndexHasManyNumberedPages() throws IOException {
        List<Dossier.Area> areas = new ArrayList<>();
        for (int a = 1; a <= 12; a++) {
            List<Dossier.Item> items = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                items.add(new Dossier.Item("A" + a + "-" + i, "第" + a + "方面第" + i + "项指标的名称",
                        List.of(new Dossier.Document(a * 100L + i, "材料" + i + ".pdf", "文件", "说明" + i, PDF))));
            }
            areas.add(new Dossier.Area("AREA" + a, "第" + a + "方面", items));
        }
        Dossier d = new Dossier("青山镇创卫", "青山镇", "标准", LocalDate.of(2027, 3, 15), "", areas);
        Map<String, byte[]> entries = unzip(documents.zip(d));
        assertThat(entries).hasSize(2 + 12 * 6);
        assertThat(entries).containsKey("02-佐证材料/12-第12方面/A12-6-材料6.pdf");

        byte[] index = entries.get(DossierDocuments.INDEX);
        int pages;
        try (PDDocument doc = Loader.loadPDF(index)) {
            pages = doc.getNumberOfPages();
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.5f));
        }
        assertThat(pages).isGreaterThan(2);
        String text = pdfText(index);
        assertThat(text).contains("十二、第12方面", "A12-6第12方面第6项指标的名称", "第" + pages + "页共" + pages + "页");
        assertThat(text).endsWith("缺项清单无第" + pages + "页共" + pages + "页");
        assertThat(text).doesNotContain("（缺项）");
        assertThat(pdfText(entries.get(DossierDocuments.REPORT))).contains("（未填写工作汇报）");
    }

    @Test
    void namesAreSafe() {
        assertThat(DossierDocuments.safeName("../evil", "x")).isEqualTo("_evil");
        assertThat(DossierDocuments.safeName("..\\..\\windows\\system.ini", "x")).isEqualTo("_._windows_system.ini");
        assertThat(DossierDocuments.safeName("/etc/passwd", "x")).isEqualTo("_etc_passwd");
        assertThat(DossierDocuments.safeName("a\u0000b\nc\u202E.pdf", "x")).isEqualTo("a_b c.pdf");
        assertThat(DossierDocuments.safeName("照片:1*?.jpg", "x")).isEqualTo("照片_1__.jpg");
        assertThat(DossierDocuments.safeName("..", "材料")).isEqualTo("材料");
        assertThat(DossierDocuments.safeName(null, "材料")).isEqualTo("材料");
        assertThat(DossierDocuments.safeName("CON.txt", "x")).isEqualTo("_CON.txt");
        String longName = DossierDocuments.safeName("很长的文件名".repeat(30) + ".pdf", "x");
        assertThat(longName).endsWith(".pdf").hasSize(DossierDocuments.MAX_NAME);
    }
}
