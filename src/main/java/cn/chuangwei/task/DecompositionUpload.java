package cn.chuangwei.task;

import cn.chuangwei.kernel.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded decomposition file as it came (its name and bytes, within the size limit), read into a table when asked:
 * the API's import and the board's import page take a file the same way. Serializable, so the page may keep it in the
 * signed-in person's session between the check and the commit.
 */
record DecompositionUpload(String fileName, byte[] content) implements Serializable {

    /** The file's bytes, or 413 {@code file-too-large} over the limit; 400 {@code required} without a file. */
    static DecompositionUpload of(MultipartFile file, ImportSettings limits) throws IOException {
        if (file == null) {
            throw ApiException.badRequest("required", "file", "file");
        }
        long maxBytes = limits.maxBytes();
        if (file.getSize() > maxBytes) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", "file", null);
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readNBytes((int) maxBytes + 1);
        }
        if (content.length > maxBytes) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", "file", null);
        }
        return new DecompositionUpload(file.getOriginalFilename(), content);
    }

    DecompositionFile table(ImportSettings limits) {
        return DecompositionFile.read(fileName, content, limits.maxRows());
    }
}
