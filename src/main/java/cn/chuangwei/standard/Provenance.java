package cn.chuangwei.standard;

import java.time.LocalDate;
import java.util.List;

/**
 * Where an entry of a standard (the standard itself, an area, an item, an indicator and its threshold, a veto) comes
 * from: the document by its number (全爱卫发〔2021〕6号), the date it was issued, the clause, and how far the entry is
 * verified against it. Cited by number, never copied.
 *
 * @param document the issuing document's number or title, e.g. 全爱卫发〔2021〕6号
 * @param date     the date the document was issued, if known
 * @param clause   the clause the entry rests on, e.g. 《国家卫生乡镇标准》（二）
 * @param status   how the entry is verified: one of {@link #STATUSES}
 * @param note     what is not verified, or how the entry was derived
 */
public record Provenance(String document, LocalDate date, String clause, String status, String note) {

    /** The entry is the published text's (its threshold included, for an indicator). */
    public static final String PUBLISHED = "PUBLISHED";
    /** The indicator is published (named by the source) but its threshold is not: the number is ours or older. */
    public static final String INDICATOR_ONLY = "INDICATOR_ONLY";
    /** A province's, county's or town's own practice, not a national text. */
    public static final String LOCAL_PRACTICE = "LOCAL_PRACTICE";
    /** Our reconstruction: no published text was found for it. */
    public static final String RECONSTRUCTED = "RECONSTRUCTED";

    public static final List<String> STATUSES = List.of(PUBLISHED, INDICATOR_ONLY, LOCAL_PRACTICE, RECONSTRUCTED);

    /** Whether a verdict resting on this entry rests on a published text. */
    public boolean verified() {
        return PUBLISHED.equals(status);
    }
}
