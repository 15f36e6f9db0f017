package cn.chuangwei.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** The engine's own statements (its MyBatis mapping), bound with a parameter and planned and run by PostgreSQL. */
final class EnginePlans {

    private EnginePlans() {
    }

    /** The plan of {@code statement} as it binds {@code parameter}, by {@code EXPLAIN (options)}. */
    static List<String> explain(ProcessEngineConfigurationImpl cfg, DataSource dataSource, String options,
                                String statement, Object parameter) {
        MappedStatement ms = cfg.getSqlSessionFactory().getConfiguration()
                .getMappedStatement(cfg.getDbSqlSessionFactory().mapStatement(statement));
        BoundSql sql = ms.getBoundSql(parameter);
        List<String> plan = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("explain (" + options + ") " + sql.getSql())) {
            new DefaultParameterHandler(ms, parameter, sql).setParameters(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + sql.getSql(), e);
        }
        return plan;
    }
}
