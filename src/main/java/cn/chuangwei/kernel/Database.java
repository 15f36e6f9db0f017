package cn.chuangwei.kernel;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Which database the application runs on, for the few statements that have no portable form (PostgreSQL's
 * {@code INSERT ... ON CONFLICT} and {@code UPDATE ... RETURNING}; H2 has its own). Everything else is portable SQL.
 */
@Component
public class Database {

    private final boolean postgres;

    Database(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
    }

    public boolean postgres() {
        return postgres;
    }
}
