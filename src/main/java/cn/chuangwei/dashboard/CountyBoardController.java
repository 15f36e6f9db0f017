package cn.chuangwei.dashboard;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The county's board across its towns, one call per region, for the region's overseers. */
@RestController
class CountyBoardController {

    private final CountyBoard board;

    CountyBoardController(CountyBoard board) {
        this.board = board;
    }

    @GetMapping("/api/regions/{regionId}/board")
    CountyBoard.Board board(@PathVariable long regionId) {
        return board.board(regionId);
    }
}
