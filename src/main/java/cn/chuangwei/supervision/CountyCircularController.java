package cn.chuangwei.supervision;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A county's circulars to its towns: issued by its overseers, read by them and, for their own part, by the towns named. */
@RestController
@RequestMapping("/api/regions/{regionId}/circulars")
class CountyCircularController {

    private final CountyCirculars circulars;

    CountyCircularController(CountyCirculars circulars) {
        this.circulars = circulars;
    }

    @PostMapping
    ResponseEntity<CountyCirculars.Summary> issue(@PathVariable long regionId,
                                                  @RequestBody(required = false) CountyCirculars.Request request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(circulars.issue(regionId, request));
    }

    @GetMapping
    List<CountyCirculars.Summary> list(@PathVariable long regionId) {
        return circulars.list(regionId);
    }

    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long regionId, @PathVariable long id) {
        return pdf(circulars, regionId, id);
    }

    /** The PDF as a download named after the circular's number (the API's and the board's). */
    static ResponseEntity<byte[]> pdf(CountyCirculars circulars, long regionId, long id) {
        CountyCirculars.Document document = circulars.pdf(regionId, id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.number() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(document.pdf());
    }
}
