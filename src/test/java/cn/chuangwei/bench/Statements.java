package cn.chuangwei.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements the database ran, from {@code pg_stat_statements} (the server must be started with
 * {@code shared_preload_libraries=pg_stat_statements}; the zonky binaries ship it). The tool's own queries carry the
 * comment {@link #MARK} and are left out, as are the extension's own.
 */
final class Statements {

    /** Put in the text of every query a measuring tool runs itself, so that its queries are not counted. */
    static final String MARK = "/* bench-tool */";

    /** One statement (normalised text, shortened), how often it ran, the rows it returned or touched, its time in ms. */
    record Row(String query, long calls, long rows, double totalMs) {
    }

    /** All calls counted since the last reset, and the statements called most. */
    record Snapshot(long calls, List<Row> top) {
    }

    private final Connection database;

    /** On a connection of the tool's own, kept open (a new connection costs statements of its own). */
    Statements(Connection database) throws SQLException {
        this.database = database;
        run("create extension if not exists pg_stat_statements");
    }

    void reset() throws SQLException {
        run("select pg_stat_statements_reset()");
    }

    Snapshot snapshot(int top) throws SQLException {
        String mine = " where query not like '%" + MARK + "%' and query not ilike '%pg_stat_statements%'";
        try (Statement s = database.createStatement()) {
            long calls;
            try (ResultSet rs = s.executeQuery(MARK + " select coalesce(sum(calls), 0) from pg_stat_statements" + mine)) {
                rs.next();
                calls = rs.getLong(1);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(MARK + " select query, calls, rows, total_exec_time from pg_stat_statements"
                    + mine + " order by calls desc, total_exec_time desc limit " + top)) {
                while (rs.next()) {
                    rows.add(new Row(shorten(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getDouble(4)));
                }
            }
            return new Snapshot(calls, rows);
        }
    }

    /** The text on one line, at most 160 characters. */
    static String shorten(String query) {
        String one = query.replaceAll("\\s+", " ").trim();
        return one.length() <= 160 ? one : one.substring(0, 157) + "...";
    }

    private void run(String sql) throws SQLException {
        try (Statement s = database.createStatement()) {
            s.execute(MARK + " " + sql);
        }
    }
}
