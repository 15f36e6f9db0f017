package cn.chuangwei.kernel;

import java.util.Arrays;
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

    public ApiException(HttpStatus status, String code, String field, Integer row, Object... args) {
        super(code + (field != null ? " [" + field + "]" : "") + (row != null ? " row " + row : "") + " " + Arrays.toString(args));
        this.status = status;
        this.code = code;
        this.field = field;
        this.row = row;
        this.args = args == null ? new Object[0] : args;
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
}
