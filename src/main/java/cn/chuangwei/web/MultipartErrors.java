package cn.chuangwei.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * An upload the servlet container cannot parse (a NUL in a file name, a broken boundary) fails before any controller is
 * chosen, where {@link ApiExceptionHandler}, bound to our controllers, does not apply: it is refused the same way, as a
 * 4xx {@link ApiError}, instead of the servlet's 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class MultipartErrors {

    private final ApiExceptionHandler errors;

    MultipartErrors(ApiExceptionHandler errors) {
        this.errors = errors;
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> unparsable(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException) {
            // left to Spring's own handling (413), which reads the rest of the upload before it answers
            throw e;
        }
        return errors.describe(e);
    }
}
