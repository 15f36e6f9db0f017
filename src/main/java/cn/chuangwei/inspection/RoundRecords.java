package cn.chuangwei.inspection;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a self-inspection round recorded, as the API and the board read it: its scores and readings, area totals. */
@Repository
public class RoundRecords {

    private final JdbcClient jdbc;

    RoundRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The round's item scores, by item. */
    List<Map<String, Object>> scores(long roundId) {
        return jdbc.sql("""
                select item_code as "itemCode", area_code as "areaCode", score as "score", max_points as "maxPoints",
                       findings as "findings", carried as "carried"
                from inspection_score where round_id = :r order by item_code""")
                .param("r", roundId).query().listOfRows();
    }

    /** The round's indicator readings, by indicator. */
    List<Map<String, Object>> readings(long roundId) {
        return jdbc.sql("""
                select indicator_code as "indicatorCode", area_code as "areaCode", reading_number as "reading",
                       reading_grade as "grade", reading_bool as "achieved", reading_first as "readingFirst",
                       reading_second as "readingSecond", result as "result", carried as "carried"
                from inspection_reading where round_id = :r order by indicator_code""")
                .param("r", roundId).query().listOfRows();
    }

    /** The round's score and the points it could reach per area of the standard. */
    public List<Map<String, Object>> areaScores(long roundId) {
        return jdbc.sql("""
                select area_code as "areaCode", sum(score) as "score", sum(max_points) as "maxPoints"
                from inspection_score where round_id = :r group by area_code order by area_code""")
                .param("r", roundId).query().listOfRows();
    }
}
