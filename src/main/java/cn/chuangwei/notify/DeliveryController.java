package cn.chuangwei.notify;

import cn.chuangwei.notify.DeliveryLines.Line;
import cn.chuangwei.notify.Deliveries.Counts;
import cn.chuangwei.notify.Deliveries.Filter;
import cn.chuangwei.notify.Deliveries.Found;
import cn.chuangwei.notify.Deliveries.Message;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery status over the API: {@code GET /api/messages} lists the caller's towns' messages (filtered by state
 * group, channel, campaign, recipient, days; paged, newest first) with the counts per state group;
 * {@code POST /api/messages/{id}/resend} sends a parked message again. Who sees what is {@link Deliveries}'s rule.
 */
@RestController
@RequestMapping("/api/messages")
class DeliveryController {

    /** A message: its codes and times for programs, its names and words for people (in the request's language). */
    record Item(long id, Instant createdAt, String recipientUser, String channel, String noticeKind, String status,
                String state, int attempts, Instant nextAttemptAt, Instant sentAt, String lastError, Long campaignId,
                String resentBy, Instant resentAt, Line text) {
    }

    record Listing(long total, int page, int size, Counts counts, List<Item> items) {
    }

    private final Deliveries deliveries;
    private final DeliveryLines lines;

    DeliveryController(Deliveries deliveries, DeliveryLines lines) {
        this.deliveries = deliveries;
        this.lines = lines;
    }

    @GetMapping
    Listing list(@RequestParam(required = false) String state, @RequestParam(required = false) String channel,
                 @RequestParam(required = false) Long campaignId, @RequestParam(required = false) String recipient,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                 Locale locale) {
        Filter filter = Filter.parse(state, channel, campaignId, recipient, from, to, page, size);
        Found found = deliveries.find(filter);
        List<Line> text = lines.of(found.messages(), locale);
        List<Item> items = new java.util.ArrayList<>();
        for (int i = 0; i < found.messages().size(); i++) {
            items.add(item(found.messages().get(i), text.get(i)));
        }
        return new Listing(found.total(), filter.page(), filter.size(), deliveries.counts(), items);
    }

    @PostMapping("/{id}/resend")
    Item resend(@PathVariable long id, Locale locale) {
        Message m = deliveries.resend(id);
        return item(m, lines.of(m, locale));
    }

    private static Item item(Message m, Line text) {
        return new Item(m.id(), m.createdAt(), m.recipientUser(), m.channel().name(), m.noticeKind(), m.status().name(),
                m.state().name(), m.attempts(), m.nextAttemptAt(), m.sentAt(), m.lastError(), m.campaignId(),
                m.resentBy(), m.resentAt(), text);
    }
}
