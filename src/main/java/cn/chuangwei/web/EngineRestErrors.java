package cn.chuangwei.web;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.ParseProblems;
import cn.chuangwei.kernel.Texts;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ParamException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Camunda's own REST API (and so Tasklist) refuses in the application's words: every 4xx answer of {@code /engine-rest}
 * and of the webapps' {@code /camunda/api/engine} (an {@link EngineRestRule}) is the {@link ApiError}'s fields (status,
 * code, the Chinese and English message, the field or row), beside Camunda's
 * {@code type}, which its webapps read. A refusal of ours thrown by a task listener keeps its status instead of the
 * engine's 500; a body that is not JSON, or not of the expected shape, is told where and how; an authorization the
 * caller lacks is a plain 403. Answers of 500 and above keep Camunda's handling (and its log).
 */
@Configuration
class EngineRestErrors {

    /** Camunda's type for a refusal of the request; also what ours were answered with before. */
    private static final String INVALID_REQUEST = "InvalidRequestException";
    /** The priority of our mappers over Camunda's and Jackson's for the same exceptions. */
    private static final int FIRST = 1;
    /** How the engine's REST API refuses a query parameter it cannot convert. */
    private static final Pattern QUERY_PARAMETER = Pattern.compile("^Cannot set query parameter '([^']{1,100})'");

    @Bean
    EngineRestRule chuangweiEngineRestErrors(Texts texts) {
        return config -> {
            config.register(new Answer<RestException>(e -> rest(e, texts)) { }, FIRST);
            config.register(new Answer<ProcessEngineException>(e -> engine(e, texts)) { }, FIRST);
            // a body that is not JSON: where it breaks; JSON of the wrong shape: the field and what it takes
            config.register(new Answer<JsonParseException>(e -> json(e, texts)) { }, FIRST);
            config.register(new Answer<JsonMappingException>(e -> json(e, texts)) { }, FIRST);
            // what the REST layer itself refuses: no such address, a method or content type it does not take
            config.register(new Answer<WebApplicationException>(e -> http(e, texts)) { }, FIRST);
        };
    }

    static ApiException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
            if (t instanceof AuthorizationException) {
                return ApiException.forbidden("forbidden");
            }
        }
        return null;
    }

    static Response respond(ApiException api, String type, Texts texts) {
        String key = "error." + api.code();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("status", api.status().value());
        body.put("code", api.code());
        body.put("message", texts.zh(key, api.args()));
        body.put("messageEn", texts.en(key, api.args()));
        if (api.field() != null) {
            body.put("field", api.field());
        }
        if (api.row() != null) {
            body.put("row", api.row());
        }
        return Response.status(api.status().value()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /**
     * A refusal of the engine or of the REST layer by its status; a plain 400 keeps the engine's own (English) words as
     * the detail, without the names of Java types.
     */
    static ApiException byStatus(int status, String detail) {
        HttpStatus http = HttpStatus.resolve(status);
        return switch (status) {
            case 401 -> new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated", null, null);
            case 403 -> ApiException.forbidden("forbidden");
            case 404 -> ApiException.notFound("not-found");
            case 405 -> new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", null, null);
            case 406 -> new ApiException(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", null, null);
            case 413 -> new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", null, null);
            case 415 -> new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", null, null);
            default -> {
                Matcher parameter = QUERY_PARAMETER.matcher(detail == null ? "" : detail);
                yield status == 400 && parameter.find()
                        ? ApiException.badRequest("invalid-value", parameter.group(1), parameter.group(1))
                        : new ApiException(http == null ? HttpStatus.BAD_REQUEST : http, "engine-bad-request", null, null,
                                plain(detail));
            }
        };
    }

    /** The engine's words without the class names it puts in them ("java.lang.String", "NullValueException: "). */
    static String plain(String detail) {
        if (detail == null) {
            return "";
        }
        return detail.replaceAll("\\b(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ", "")
                .replaceAll("\\b(?:[a-z][\\w$]*\\.)+([A-Z][\\w$]*)", "$1");
    }

    private static boolean refused(int status) {
        return status >= 400 && status < 500;
    }

    /**
     * An exception mapper by a function. Jersey reads the exception type from the (anonymous) subclass's type argument,
     * and takes the mapper of the nearest type, of the highest priority among those of one type (Camunda's and
     * Jackson's own mappers have the default).
     */
    abstract static class Answer<T extends Throwable> implements ExceptionMapper<T> {

        private final Function<T, Response> how;

        Answer(Function<T, Response> how) {
            this.how = how;
        }

        @Override
        public Response toResponse(T e) {
            return how.apply(e);
        }
    }

    static Response rest(RestException e, Texts texts) {
        int status = e.getStatus() == null ? 500 : e.getStatus().getStatusCode();
        return answer(e, status, texts, () -> new RestExceptionHandler().toResponse(e));
    }

    /** The engine's tenant check: the data belongs to a town the caller does not work in (ENGINE-13034). */
    private static final String NOT_YOUR_TOWN = "ENGINE-13034";

    static Response engine(ProcessEngineException e, Texts texts) {
        if (e.getMessage() != null && e.getMessage().contains(NOT_YOUR_TOWN)) {
            return respond(ApiException.forbidden("forbidden"), "AuthorizationException", texts);
        }
        int status = ExceptionHandlerHelper.getInstance().getStatus(e).getStatusCode();
        return answer(e, status, texts, () -> new ProcessEngineExceptionHandler().toResponse(e));
    }

    static Response http(WebApplicationException e, Texts texts) {
        if (e instanceof ParamException p) {
            // a query or path parameter that is not of its type ("maxResults=abc"): Jersey's 404, but the caller's fault
            String name = p.getParameterName();
            return respond(ApiException.badRequest("invalid-value", name, name), INVALID_REQUEST, texts);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return answer(e, status, texts, () -> new ExceptionHandler().toResponse(e));
    }

    /** A refusal of ours, else a 4xx in our words, else Camunda's own answer. */
    private static Response answer(Throwable e, int status, Texts texts, Supplier<Response> camunda) {
        ApiException api = refusal(e);
        String type = e instanceof ApiException ? INVALID_REQUEST : e.getClass().getSimpleName();
        if (api != null) {
            return respond(api, type, texts);
        }
        return refused(status) ? respond(byStatus(status, e.getMessage()), type, texts) : camunda.get();
    }

    static Response json(JsonProcessingException e, Texts texts) {
        return respond(ParseProblems.refusal(e, ParseProblems.Format.JSON), INVALID_REQUEST, texts);
    }
}
