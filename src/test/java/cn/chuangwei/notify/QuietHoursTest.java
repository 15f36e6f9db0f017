package cn.chuangwei.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quiet hours at their boundaries, over midnight and within a day, in Beijing time. */
class QuietHoursTest {

    static Instant beijing(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(QuietHours.BEIJING).toInstant();
    }

    @ParameterizedTest(name = "{2}–{3}: {0} -> {1}")
    @CsvSource({
            // over midnight, 21:30–07:30
            "2027-01-05T21:29, 2027-01-05T21:29, 21:30, 07:30",
            "2027-01-05T21:30, 2027-01-06T07:30, 21:30, 07:30",
            "2027-01-05T23:59, 2027-01-06T07:30, 21:30, 07:30",
            "2027-01-06T00:00, 2027-01-06T07:30, 21:30, 07:30",
            "2027-01-06T07:29, 2027-01-06T07:30, 21:30, 07:30",
            "2027-01-06T07:30, 2027-01-06T07:30, 21:30, 07:30",
            "2027-01-06T12:00, 2027-01-06T12:00, 21:30, 07:30",
            // within a day (a person's siesta, 12:00–14:00)
            "2027-01-06T11:59, 2027-01-06T11:59, 12:00, 14:00",
            "2027-01-06T12:00, 2027-01-06T14:00, 12:00, 14:00",
            "2027-01-06T13:59, 2027-01-06T14:00, 12:00, 14:00",
            "2027-01-06T14:00, 2027-01-06T14:00, 12:00, 14:00",
            // no quiet hours at all
            "2027-01-06T03:00, 2027-01-06T03:00, 00:00, 00:00"})
    void holdsUntilTheQuietHoursEnd(String at, String release, String start, String end) {
        assertThat(QuietHours.release(beijing(at), LocalTime.parse(start), LocalTime.parse(end)))
                .isEqualTo(beijing(release));
    }
}
