package cn.chuangwei.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** A small HTTP client for the REST API, signed in as one user (HTTP Basic). */
public class Api {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final String base;
    private final String auth;

    public Api(int port, String user, String password) {
        this.base = "http://localhost:" + port;
        this.auth = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A response: its status and its JSON body (null when it has none). */
    public record Reply(int status, JsonNode body, String raw) {
        public JsonNode json() {
            return body;
        }
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /** A file download: the body's bytes, failing unless the answer is 200. */
    public byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": "
                        + new String(r.body(), StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply post(String path, Object body) {
        try {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Reply put(String path, Object body) {
        try {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(request(path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Reply upload(String path, String fileName, String contentType, byte[] content, String... fields) {
        String boundary = "----chuangwei" + UUID.randomUUID();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            for (int i = 0; i + 1 < fields.length; i += 2) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                        + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String raw = r.body();
            JsonNode body = null;
            if (raw != null && !raw.isBlank() && (raw.startsWith("{") || raw.startsWith("["))) {
                body = JSON.readTree(raw);
            }
            return new Reply(r.statusCode(), body, raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
