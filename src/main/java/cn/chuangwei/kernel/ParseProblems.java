package cn.chuangwei.kernel;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A document (a JSON body, a YAML file) Jackson could not read, told in the reader's words: where it breaks (line and
 * column) or which field holds what kind of value instead of what, never the parser's Java types and tokens.
 */
public final class ParseProblems {

    /** The two formats, each with its own words for a syntax error and for the whole document. */
    public enum Format {
        JSON("json-syntax", "body"), YAML("yaml-syntax", "file");

        private final String syntaxCode;
        private final String root;

        Format(String syntaxCode, String root) {
            this.syntaxCode = syntaxCode;
            this.root = root;
        }
    }

    private ParseProblems() {
    }

    /** The refusal (400) for a document that could not be read: its syntax, an unknown field, a value of the wrong kind. */
    public static ApiException refusal(JsonProcessingException e, Format format) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            String known = unknown.getKnownPropertyIds() == null ? ""
                    : unknown.getKnownPropertyIds().stream().map(String::valueOf).collect(Collectors.joining(", "));
            return ApiException.badRequest("unknown-key", field, field, known);
        }
        if (e instanceof JsonMappingException mapping && isEmptyInput(mapping)) {
            return ApiException.badRequest(format == Format.JSON ? "empty-body" : "empty-file", format.root);
        }
        if (e instanceof MismatchedInputException mismatch) {
            String kind = kind(mismatch.getTargetType());
            if (kind != null) {
                String field = path(mismatch).isEmpty() ? format.root : path(mismatch);
                return ApiException.badRequest("expected-" + kind, field, field);
            }
        }
        if (e instanceof JsonMappingException mapping && !path(mapping).isEmpty()) {
            return ApiException.badRequest("invalid-value", path(mapping), path(mapping));
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
        int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
        boolean cutOff = e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).contains("end-of-input");
        String code = format == Format.JSON && cutOff ? "json-cut-off" : format.syntaxCode;
        return ApiException.badRequest(code, format.root, line, column);
    }

    /** Where in the document the problem is, as the API names fields: {@code areas[0].items[2].points}. */
    public static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static boolean isEmptyInput(JsonMappingException e) {
        return e.getPath().isEmpty() && String.valueOf(e.getOriginalMessage()).startsWith("No content to map");
    }

    /** The kind of value a field takes, in the words of the message bundles; null when it takes anything. */
    static String kind(Class<?> type) {
        if (type == null || type == Object.class) {
            return null;
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class || type.isEnum()) {
            return "text";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Temporal.class.isAssignableFrom(type) || Date.class.isAssignableFrom(type)) {
            return "date";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (Map.class.isAssignableFrom(type) || !Objects.requireNonNull(type.getPackageName()).startsWith("java.")) {
            return "mapping";
        }
        return null;
    }
}
