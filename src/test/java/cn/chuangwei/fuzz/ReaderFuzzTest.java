package cn.chuangwei.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.fuzz.Files.Upload;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.standard.Standards;
import cn.chuangwei.task.DecompositionFile;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The file readers on their own, without the application, so that they take many more cases: whatever the bytes, the
 * decomposition table reader and the standard file reader return a table or refuse with a 4xx {@link ApiException},
 * never another exception.
 */
class ReaderFuzzTest {

    @Provide
    Arbitrary<Upload> tables() {
        return Arbitraries.frequencyOf(Tuple.of(3, Files.csv("unit-1")), Tuple.of(3, Files.randomBytes()),
                Tuple.of(2, Files.xlsxWithRandomCells("unit-1")), Tuple.of(2, Files.brokenXlsx("unit-1")));
    }

    @Property(tries = 200)
    void decompositionTablesAreReadOrRefused(@ForAll("tables") Upload file) {
        try {
            DecompositionFile table = DecompositionFile.read(file.name(), file.content(), 5000);
            assertThat(table.rows()).isNotEmpty().hasSizeLessThanOrEqualTo(5000);
        } catch (ApiException e) {
            assertThat(e.status().is4xxClientError()).as(e.getMessage()).isTrue();
        }
    }

    @Provide
    Arbitrary<byte[]> standardFiles() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Hostile.bodyFrom(Hostile.tree(ImportFuzzTest.standard()))
                        .map(s -> s.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Hostile.text().map(s -> s.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Files.randomBytes().map(Upload::content)));
    }

    @Property(tries = 200)
    void standardFilesAreReadOrRefused(@ForAll("standardFiles") byte[] content) {
        try {
            assertThat(Standards.parse(content).code()).isNotBlank();
        } catch (ApiException e) {
            assertThat(e.status().is4xxClientError()).as(e.getMessage()).isTrue();
        }
    }
}
