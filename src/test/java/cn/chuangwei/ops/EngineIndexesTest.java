package cn.chuangwei.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.H2Test;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The indexes Camunda's schema lacks are there once the application has started, and a second start changes nothing. */
@H2Test
class EngineIndexesTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EngineIndexes indexes;

    @Test
    void theEngineTablesHaveTheIndexesTheBenchmarkCalledForAndNoTypeIndex() {
        indexes.run(null);
        assertThat(jdbc.sql("""
                select lower(index_name) from information_schema.indexes
                where lower(index_name) in ('cw_idx_task_parent', 'cw_idx_auth_type')""").query(String.class).list())
                .as("the type index is dropped: revokes are never checked").containsExactly("cw_idx_task_parent");
    }
}
