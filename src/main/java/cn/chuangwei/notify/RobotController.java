package cn.chuangwei.notify;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's group robots, for its town's office ({@link RobotEdits}): webhooks and secrets answered masked. */
@RestController
@RequestMapping("/api/campaigns/{campaignId}/robots")
class RobotController {

    private final RobotEdits edits;

    RobotController(RobotEdits edits) {
        this.edits = edits;
    }

    @GetMapping
    List<RobotEdits.RobotView> list(@PathVariable long campaignId) {
        return edits.list(campaignId);
    }

    @PostMapping
    ResponseEntity<RobotEdits.RobotView> add(@PathVariable long campaignId,
                                             @RequestBody(required = false) RobotEdits.RobotRequest body) {
        return ResponseEntity.status(201).body(edits.add(campaignId, body));
    }

    @PutMapping("/{robotId}")
    RobotEdits.RobotView change(@PathVariable long campaignId, @PathVariable long robotId,
                                @RequestBody(required = false) RobotEdits.RobotRequest body) {
        return edits.change(campaignId, robotId, body);
    }

    @DeleteMapping("/{robotId}")
    ResponseEntity<Void> remove(@PathVariable long campaignId, @PathVariable long robotId) {
        edits.remove(campaignId, robotId);
        return ResponseEntity.noContent().build();
    }
}
