package cn.chuangwei.supervision;

import cn.chuangwei.web.Page;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A circular's print view: the PDF's template as a page of the board, an A4 sheet on screen that the browser prints as
 * the notice. For whoever may download the circular's PDF (the supervisors, the office, the leading group).
 */
@Page
class CircularPage {

    private final CircularService circulars;

    CircularPage(CircularService circulars) {
        this.circulars = circulars;
    }

    @GetMapping("/board/circulars/{id}/print")
    ResponseEntity<String> print(@PathVariable long id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(circulars.printView(id));
    }
}
