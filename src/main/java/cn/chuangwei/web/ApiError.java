package cn.chuangwei.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of every refusal: Chinese first, English beside it, and the field or row at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String code, String message, String messageEn, String field, Integer row) {
}
