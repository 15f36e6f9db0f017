package cn.chuangwei.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Hostile files for the importers: random bytes, broken and bomb-like spreadsheets, csv in odd encodings. */
final class Files {

    static final String[] HEADER = {"阶段", "任务", "目标/标准", "责任单位", "责任人", "完成时限", "重点任务", "标准领域"};

    /** A file to upload: its name and its bytes. */
    record Upload(String name, byte[] content) {
        @Override
        public String toString() {
            return name + " (" + content.length + " bytes)";
        }
    }

    private Files() {
    }

    static byte[] xlsx(List<List<Object>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("任务分解表");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v instanceof Boolean b) {
                        row.createCell(c).setCellValue(b);
                    } else if (v instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                    } else if (v instanceof String s && s.startsWith("=") && s.length() > 1) {
                        try {
                            row.createCell(c).setCellFormula(s.substring(1));
                        } catch (RuntimeException e) {
                            row.createCell(c).setCellValue(s);
                        }
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of the given entries, each the given text repeated until it has the given size. */
    static byte[] zip(Object... nameSizeText) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (int i = 0; i + 2 < nameSizeText.length; i += 3) {
                zip.putNextEntry(new ZipEntry((String) nameSizeText[i]));
                long size = ((Number) nameSizeText[i + 1]).longValue();
                byte[] chunk = ((String) nameSizeText[i + 2]).repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
                for (long written = 0; written < size; written += chunk.length) {
                    zip.write(chunk, 0, (int) Math.min(chunk.length, size - written));
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A zip bomb dressed as a spreadsheet: the parts of an xlsx, the sheet's XML being {@code size} bytes of one
     * repeated row, so that a few hundred kilobytes inflate to hundreds of megabytes.
     */
    static byte[] xlsxBomb(long size) {
        String row = "<row><c t=\"inlineStr\"><is><t>宣传发动</t></is></c></row>";
        return zip("[Content_Types].xml", 600L, "<?xml version=\"1.0\"?>", "xl/workbook.xml", 300L, " ",
                "xl/worksheets/sheet1.xml", size, row);
    }

    /**
     * A bomb that slips under POI's ratio check: a real workbook whose sheet is about 80 MB of XML in 275,000 rows that
     * differ a little (a random number each), so it compresses only about 55× and the file stays near 2 MB, well within
     * the upload limit and under a sheet's million rows.
     */
    private static final String PAD = "任".repeat(80);

    static byte[] xlsxModerateBomb() {
        // a real workbook, its sheet's part swapped for the large one
        byte[] workbook = xlsx(List.of(List.of((Object) "阶段")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(7);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(workbook));
             ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (!e.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.write(in.readAllBytes());
                    zip.closeEntry();
                    continue;
                }
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
                        + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                        .getBytes(StandardCharsets.UTF_8));
                StringBuilder chunk = new StringBuilder();
                for (long written = 0; written < 80L * 1024 * 1024; ) {
                    chunk.setLength(0);
                    for (int i = 0; i < 4096; i++) {
                        // long enough that 100 MB stays under a sheet's million rows: only the size cap stops it
                        chunk.append("<row><c t=\"inlineStr\"><is><t>宣传发动").append(PAD)
                                .append(random.nextInt(100_000)).append("</t></is></c></row>");
                    }
                    byte[] b = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    zip.write(b);
                    written += b.length;
                }
                zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Arbitrary<Upload> csv(String unit) {
        Arbitrary<String> cell = Arbitraries.frequencyOf(Tuple.of(3, Hostile.text().filter(s -> s.length() < 5000)),
                Tuple.of(2, Arbitraries.of("宣传发动", "MOBILIZATION", unit, "2027-10-05", "是", "否", "HEALTH_EDUCATION", "")));
        Arbitrary<String> line = cell.list().ofMinSize(0).ofMaxSize(10).map(cs -> String.join(",", cs.stream()
                .map(c -> c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
                .toList()));
        Arbitrary<String> text = line.list().ofMaxSize(8).map(ls -> String.join(",", HEADER) + "\n" + String.join("\n", ls));
        Arbitrary<Charset> charset = Arbitraries.of(StandardCharsets.UTF_8, Charset.forName("GB18030"),
                StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.ISO_8859_1, Charset.forName("Big5"));
        return Combinators.combine(text, charset, Arbitraries.of("表.csv", "表.CSV", "表", "表.txt", "表.xlsx"))
                .as((t, cs, name) -> new Upload(name, t.getBytes(cs)));
    }

    static Arbitrary<Upload> randomBytes() {
        return Combinators.combine(Arbitraries.bytes().array(byte[].class).ofMaxSize(4096),
                Arbitraries.of("表.csv", "表.xlsx", "表.xls", "表", "", "..\\..\\表.xlsx", "表.xlsx\u0000.csv"),
                Arbitraries.of(new byte[0], new byte[] {'P', 'K', 3, 4}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}))
                .as((bytes, name, magic) -> {
                    byte[] all = Arrays.copyOf(magic, magic.length + bytes.length);
                    System.arraycopy(bytes, 0, all, magic.length, bytes.length);
                    return new Upload(name, all);
                });
    }

    /** A valid spreadsheet whose cells are hostile: text, numbers, dates, booleans, formulas. */
    static Arbitrary<Upload> xlsxWithRandomCells(String unit) {
        Arbitrary<Object> cell = Arbitraries.frequencyOf(
                Tuple.of(3, Hostile.text().filter(s -> s.length() <= 32767).map(s -> (Object) s)),
                Tuple.of(2, Arbitraries.of("宣传发动", "MOBILIZATION", unit, "2027-10-05", "是", "HEALTH_EDUCATION")),
                Tuple.of(1, Arbitraries.doubles().map(d -> (Object) d)),
                Tuple.of(1, Arbitraries.of(LocalDate.of(2027, 10, 5), LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31))
                        .map(d -> (Object) d)),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) b)),
                Tuple.of(1, Arbitraries.of("=1/0", "=NA()", "=A1", "=HYPERLINK(\"http://evil.example\",\"x\")", "=DATE(2027,10,5)",
                        "=\"宣传\"&\"发动\"", "=cmd|' /C calc'!A0", "=1e308*10").map(s -> (Object) s)));
        return cell.list().ofMaxSize(10).list().ofMaxSize(8).map(rows -> {
            List<List<Object>> all = new java.util.ArrayList<>();
            all.add(List.of((Object[]) HEADER));
            all.addAll(rows);
            return new Upload("表.xlsx", xlsx(all));
        });
    }

    /** A valid spreadsheet cut short, or with some of its bytes changed. */
    static Arbitrary<Upload> brokenXlsx(String unit) {
        byte[] good = xlsx(List.of(List.of((Object[]) HEADER),
                List.of("宣传发动", "张贴倡议书", "每户一份", unit, "", "2027-10-05", "否", "")));
        Arbitrary<Upload> cut = Arbitraries.integers().between(1, good.length - 1)
                .map(n -> new Upload("表.xlsx", Arrays.copyOf(good, n)));
        Arbitrary<Upload> flipped = Combinators.combine(Arbitraries.integers().between(0, good.length - 1).list()
                .ofMinSize(1).ofMaxSize(20), Arbitraries.bytes()).as((at, b) -> {
                    byte[] copy = good.clone();
                    at.forEach(i -> copy[i] = (byte) (copy[i] ^ (b == 0 ? 1 : b)));
                    return new Upload("表.xlsx", copy);
                });
        return Arbitraries.oneOf(cut, flipped);
    }
}
