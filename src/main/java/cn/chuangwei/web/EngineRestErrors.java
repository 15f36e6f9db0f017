package cn.chuangwei.web;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Texts;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's own REST API (and so Tasklist) reports a refusal of ours, thrown by a task listener, as what it is: a 400
 * with the Chinese and English messages and the field, instead of the engine's 500. Anything else keeps Camunda's
 * handling.
 */
@Configuration
class EngineRestErrors {

    @Bean
    ResourceConfigCustomizer chuangweiEngineRestErrors(Texts texts) {
        return config -> {
            config.register(new RestRefusals(texts));
            config.register(new EngineRefusals(texts));
        };
    }

    static ApiException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        return null;
    }

    static Response respond(ApiException api, Texts texts) {
        String key = "error." + api.code();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "InvalidRequestException");
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

    @Priority(1)
    static class RestRefusals implements ExceptionMapper<RestException> {

        private final Texts texts;
        private final RestExceptionHandler camunda = new RestExceptionHandler();

        RestRefusals(Texts texts) {
            this.texts = texts;
        }

        @Override
        public Response toResponse(RestException e) {
            ApiException api = refusal(e);
            return api != null ? respond(api, texts) : camunda.toResponse(e);
        }
    }

    @Priority(1)
    static class EngineRefusals implements ExceptionMapper<ProcessEngineException> {

        private final Texts texts;
        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        EngineRefusals(Texts texts) {
            this.texts = texts;
        }

        @Override
        public Response toResponse(ProcessEngineException e) {
            ApiException api = refusal(e);
            return api != null ? respond(api, texts) : camunda.toResponse(e);
        }
    }
}
