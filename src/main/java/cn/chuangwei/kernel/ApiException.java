package cn.chuangwei.kernel;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on: an HTTP status, a message key from the {@code messages} bundles
 * ({@code error.<code>}), its arguments, and the field or row at fault.
 *
 * <p>It extends the engine's {@link BadUserRequestException} so that, thrown from a task listener or a
 * delegate, the engine and its REST API treat it as the caller's fault and roll the transaction back.
 */
public class ApiException extends BadUserRequestException {

    private final HttpStatus status;
    private final String code;
    private final String field;
    private final Integer row;
    private final transient Object[] args;
    private final transient List<CellProblem> problems;

    /**
     * A cell of an uploaded table at fault: its sheet (null for a file of one table), its row (1-based, the header is
     * row 1), its column as the file spells it (null: the whole row), and why.
     */
    public record CellProblem(String sheet, int row, String column, ApiException refusal) {
    }

    public ApiException(HttpStatus status, String code, String field, Integer row, Object... args) {
        super(code + (field != null ? " [" + field + "]" : "") + (row != null ? " row " + row : "") + " " + Arrays.toString(args));
        this.status = status;
        this.code = code;
        this.field = field;
        this.row = row;
        this.args = args == null ? new Object[0] : args;
        this.problems = List.of();
    }

    private ApiException(List<CellProblem> problems) {
        super("invalid-cells " + problems);
        this.status = HttpStatus.BAD_REQUEST;
        this.code = "invalid-cells";
        this.field = "file";
        this.row = null;
        this.args = new Object[] {problems.size(), problems.stream().map(p -> p.sheet() + "/" + p.row()).distinct().count()};
        this.problems = List.copyOf(problems);
    }

    /** A file refused for every cell at fault in it, listed ({@link #problems}); nothing of it is written. */
    public static ApiException cells(List<CellProblem> problems) {
        return new ApiException(problems);
    }

    public static ApiException badRequest(String code, String field, Object... args) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, field, null, args);
    }

    public static ApiException badRow(String code, int row, String column, Object... args) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, column, row, args);
    }

    public static ApiException notFound(String code, Object... args) {
        return new ApiException(HttpStatus.NOT_FOUND, code, null, null, args);
    }

    public static ApiException conflict(String code, String field, Object... args) {
        return new ApiException(HttpStatus.CONFLICT, code, field, null, args);
    }

    public static ApiException forbidden(String code, Object... args) {
        return new ApiException(HttpStatus.FORBIDDEN, code, null, null, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Integer row() {
        return row;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The cells at fault of a refused file ({@link #cells}); empty for any other refusal. */
    public List<CellProblem> problems() {
        return problems;
    }
}
