package cn.chuangwei.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every refusal: Chinese first, English beside it, and the field or row at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String code, String message, String messageEn, String field, Integer row,
                       java.util.List<Problem> problems) {

    public ApiError(int status, String code, String message, String messageEn, String field, Integer row) {
        this(status, code, message, messageEn, field, row, null);
    }

    /** A cell of a refused file at fault: its sheet, row and column, and why (Chinese and English). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String sheet, int row, String column, String code, String message, String messageEn) {
    }
}
