package cn.chuangwei.web;

import java.util.List;

/**
 * A list behind a number on the board, ready for the {@code list} page: its title, column headers and cells already
 * in the reader's language, each cell with an optional link and tone ({@code red}, {@code yellow}, {@code green}).
 */
public record Table(String title, String subtitle, List<String> columns, List<List<Cell>> rows, String exportHref,
                    String back) {

    public record Cell(Object value, String href, String tone) {

        public static Cell of(Object value) {
            return new Cell(value, null, null);
        }

        public static Cell link(Object value, String href) {
            return new Cell(value, href, null);
        }

        public Cell tone(String tone) {
            return new Cell(value, href, tone);
        }
    }
}
