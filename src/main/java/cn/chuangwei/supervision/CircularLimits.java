package cn.chuangwei.supervision;

import cn.chuangwei.kernel.ApiException;
import java.time.LocalDate;

/**
 * What a request for a circular must hold, a town's or a county's: the period it covers, from and to in order, and a
 * title and a body (either left to the default) within their lengths. Each refusal names its field.
 */
final class CircularLimits {

    static final int TITLE = 200;
    static final int BODY = 4000;

    private CircularLimits() {
    }

    static void check(LocalDate from, LocalDate to, String title, String body) {
        if (from == null || to == null) {
            throw ApiException.badRequest("required", from == null ? "from" : "to", from == null ? "from" : "to");
        }
        if (to.isBefore(from)) {
            throw ApiException.badRequest("range-reversed", "to", from, to);
        }
        if (title != null && title.length() > TITLE) {
            throw ApiException.badRequest("too-long", "title", "title", TITLE);
        }
        if (body != null && body.length() > BODY) {
            throw ApiException.badRequest("too-long", "body", "body", BODY);
        }
    }
}
