package cn.chuangwei.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/** A message's template values as the outbox keeps them ({@code params}, JSON), for a channel that sends a template. */
final class OutboxParams {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT = 4000;

    private OutboxParams() {
    }

    /** The values as JSON, longest values cut first so that the whole fits the column. */
    static String write(Map<String, String> values) {
        Map<String, String> sorted = new TreeMap<>(values);
        sorted.values().removeIf(v -> v == null);
        try {
            String json = JSON.writeValueAsString(sorted);
            int cap = 400;
            while (json.length() > LIMIT && cap > 10) {
                int c = cap;
                sorted.replaceAll((k, v) -> v.length() > c ? v.substring(0, c) : v);
                json = JSON.writeValueAsString(sorted);
                cap /= 2;
            }
            return json.length() > LIMIT ? "{}" : json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
