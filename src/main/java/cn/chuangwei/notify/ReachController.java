package cn.chuangwei.notify;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who gets what, where, per person: the office of a town the person works in sets their channels and choices
 * ({@code /api/people/{userId}/reach}); everyone sets their own choices ({@code /api/me/reach}). See {@link ReachEdits}.
 */
@RestController
class ReachController {

    private final ReachEdits edits;

    ReachController(ReachEdits edits) {
        this.edits = edits;
    }

    @GetMapping("/api/people/{userId}/reach")
    ReachEdits.ReachView person(@PathVariable String userId) {
        return edits.of(userId);
    }

    @PutMapping("/api/people/{userId}/reach")
    ReachEdits.ReachView setPerson(@PathVariable String userId,
                                   @RequestBody(required = false) ReachEdits.ReachRequest body) {
        return edits.set(userId, body);
    }

    @GetMapping("/api/me/reach")
    ReachEdits.ReachView mine() {
        return edits.mine();
    }

    @PutMapping("/api/me/reach")
    ReachEdits.ReachView setMine(@RequestBody(required = false) ReachEdits.ChoicesRequest body) {
        return edits.setMine(body);
    }
}
