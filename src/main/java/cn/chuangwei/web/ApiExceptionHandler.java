package cn.chuangwei.web;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.ParseProblems;
import cn.chuangwei.kernel.Texts;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every refusal of the API into a JSON {@link ApiError} with a Chinese and an English message. */
@RestControllerAdvice(basePackages = "cn.chuangwei")
class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Texts texts;

    ApiExceptionHandler(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        ResponseEntity<ApiError> answer = body(e.status(), e.code(), e.field(), e.row(), e.args());
        if (e.problems().isEmpty()) {
            return answer;
        }
        ApiError a = answer.getBody();
        return ResponseEntity.status(e.status()).body(new ApiError(a.status(), a.code(), a.message(), a.messageEn(),
                a.field(), a.row(), e.problems().stream().map(p -> new ApiError.Problem(p.sheet(), p.row(), p.column(),
                        p.refusal().code(), texts.zh("error." + p.refusal().code(), p.refusal().args()),
                        texts.en("error." + p.refusal().code(), p.refusal().args()))).toList()));
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ApiError> forbidden(AuthorizationException e) {
        return body(HttpStatus.FORBIDDEN, "forbidden", null, null);
    }

    @ExceptionHandler({NotFoundException.class, NullValueException.class, NoResourceFoundException.class})
    ResponseEntity<ApiError> notFound(Exception e) {
        return body(HttpStatus.NOT_FOUND, "not-found", null, null);
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ApiError> concurrent(OptimisticLockingException e) {
        return body(HttpStatus.CONFLICT, "concurrent-change", null, null);
    }

    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<ApiError> engineBadRequest(BadUserRequestException e) {
        return body(HttpStatus.BAD_REQUEST, "engine-bad-request", null, null, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = ParseProblems.path(jme);
            return body(HttpStatus.BAD_REQUEST, "invalid-value", field, null, field);
        }
        return body(HttpStatus.BAD_REQUEST, "malformed-json", null, null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, "invalid-value", e.getName(), null, e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return body(HttpStatus.BAD_REQUEST, "required", e.getParameterName(), null, e.getParameterName());
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
        return body(HttpStatus.BAD_REQUEST, "required", e.getRequestPartName(), null, e.getRequestPartName());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return body(HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", "file", null);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> multipart(MultipartException e) {
        return body(HttpStatus.BAD_REQUEST, "multipart-expected", "file", null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", null, null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", null, null);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ApiError> unexpected(RuntimeException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api(api);
            }
            if (t instanceof AuthorizationException auth) {
                return forbidden(auth);
            }
        }
        LOG.error("Unexpected error", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal", null, null);
    }

    /** The same answer for an exception raised outside the API, e.g. by a page (see {@link PageErrors}). */
    ResponseEntity<ApiError> describe(Exception e) {
        if (e instanceof ApiException api) {
            return api(api);
        } else if (e instanceof AuthorizationException auth) {
            return forbidden(auth);
        } else if (e instanceof NotFoundException || e instanceof NullValueException || e instanceof NoResourceFoundException) {
            return notFound(e);
        } else if (e instanceof OptimisticLockingException ole) {
            return concurrent(ole);
        } else if (e instanceof BadUserRequestException bad) {
            return engineBadRequest(bad);
        } else if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return typeMismatch(mismatch);
        } else if (e instanceof MissingServletRequestParameterException missing) {
            return missingParameter(missing);
        } else if (e instanceof MissingServletRequestPartException part) {
            return missingPart(part);
        } else if (e instanceof MaxUploadSizeExceededException large) {
            return tooLarge(large);
        } else if (e instanceof MultipartException multipart) {
            return multipart(multipart);
        } else if (e instanceof HttpRequestMethodNotSupportedException method) {
            return method(method);
        } else if (e instanceof RuntimeException runtime) {
            return unexpected(runtime);
        }
        LOG.error("Unexpected error", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal", null, null);
    }

    private ResponseEntity<ApiError> body(HttpStatus status, String code, String field, Integer row, Object... args) {
        String key = "error." + code;
        return ResponseEntity.status(status)
                .body(new ApiError(status.value(), code, texts.zh(key, args), texts.en(key, args), field, row));
    }
}
