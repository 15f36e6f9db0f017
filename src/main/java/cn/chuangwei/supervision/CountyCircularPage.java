package cn.chuangwei.supervision;

import cn.chuangwei.web.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A county circular's PDF from the county's board (the board's pages sign in by session, the API by HTTP Basic). */
@Page
class CountyCircularPage {

    private final CountyCirculars circulars;

    CountyCircularPage(CountyCirculars circulars) {
        this.circulars = circulars;
    }

    @GetMapping("/board/county/{regionId}/circulars/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long regionId, @PathVariable long id) {
        return CountyCircularController.pdf(circulars, regionId, id);
    }
}
