package cn.chuangwei.standard;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The content areas of the standards a campaign can be measured against (国家卫生乡镇标准 2021版, 江苏省卫生镇标准). */
@Repository
public class StandardAreas {

    private final JdbcClient jdbc;

    StandardAreas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Area> areas(String standardCode) {
        return jdbc.sql("select * from standard_area where standard_code = :s order by seq").param("s", standardCode)
                .query((rs, n) -> new Area(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                        Standards.source(rs)))
                .list();
    }

    /** An area of a standard, such as 病媒生物防制 (VECTOR_CONTROL). */
    public record Area(String code, String nameZh, String nameEn, Provenance source) {
    }
}
