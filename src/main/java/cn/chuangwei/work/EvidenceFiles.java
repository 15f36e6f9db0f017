package cn.chuangwei.work;

import cn.chuangwei.task.Evidence;
import cn.chuangwei.task.EvidenceKind;
import cn.chuangwei.task.EvidenceService;
import cn.chuangwei.web.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A file of evidence as the browser opens it ({@code /work/evidence/{id}}) and its thumbnail ({@code .../thumb}), for
 * whoever reads the unit's work ({@link EvidenceService#find}); review panels link here. A refusal is a page, as a
 * link opened in the browser expects.
 */
@Page
class EvidenceFiles {

    private final EvidenceService evidence;
    private final Thumbnails thumbnails;

    EvidenceFiles(EvidenceService evidence, Thumbnails thumbnails) {
        this.evidence = evidence;
        this.thumbnails = thumbnails;
    }

    /** The file: images and PDFs inline with the type their bytes show, anything else as a download. */
    @GetMapping("/work/evidence/{id}")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        Evidence e = evidence.find(id);
        byte[] content = evidence.content(id);
        String inline = EvidenceKind.inlineType(content);
        ContentDisposition disposition = (inline == null ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(e.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .contentType(inline == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(inline))
                .body(content);
    }

    @GetMapping("/work/evidence/{id}/thumb")
    ResponseEntity<byte[]> thumb(@PathVariable long id) {
        Evidence e = evidence.find(id);
        return ResponseEntity.ok()
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .contentType(MediaType.IMAGE_PNG)
                .body(thumbnails.of(evidence.content(id), e.fileName()));
    }
}
