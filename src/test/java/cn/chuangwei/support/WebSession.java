package cn.chuangwei.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser's session with the board's pages without the browser: cookies, the login form and its CSRF token. */
public class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public record Page(int status, String body, String location, String contentType) {
    }

    private final String base;
    private final CookieManager cookies;
    private final HttpClient http;

    public WebSession(int port) {
        this(port, new CookieManager());
    }

    private WebSession(int port, CookieManager cookies) {
        base = "http://localhost:" + port;
        this.cookies = cookies;
        http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same browser, with the same cookies, at another node of the application. */
    public WebSession at(int port) {
        return new WebSession(port, cookies);
    }

    /** The value of the cookie of this name the browser holds, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** A call of the Camunda webapps' own API: with their CSRF token (the XSRF-TOKEN cookie) and a form, if any. */
    public Page webapp(String path, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json");
        if (cookie("XSRF-TOKEN") != null) {
            request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
        }
        return send(form == null ? request.GET().build()
                : request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /**
     * A JSON call of the webapps' API as Tasklist makes it (a claim, a new task), with or without their CSRF token;
     * {@code json} null for a GET.
     */
    public Page webappJson(String method, String path, String json, boolean withCsrfToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (withCsrfToken && cookie("XSRF-TOKEN") != null) {
            request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
        }
        return send(request.build());
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
    }

    /** Posts a form with the CSRF token of the page it was on. */
    public Page post(String formPath, String path, Map<String, String> fields) {
        Matcher m = CSRF.matcher(get(formPath).body());
        String token = m.find() ? m.group(1) : "";
        return post(path, fields, token, formPath);
    }

    /** Posts a form whose fields may repeat (check boxes, multiple choices), with the CSRF token of its page. */
    public Page postAll(String formPath, String path, List<Map.Entry<String, String>> fields) {
        Matcher m = CSRF.matcher(get(formPath).body());
        String token = m.find() ? m.group(1) : "";
        String body = fields.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")) + "&_csrf=" + enc(token);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Referer", base + formPath)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Uploads a file as a page's form does (multipart, field {@code file}), with the CSRF token of its page. */
    public Page upload(String formPath, String path, String fileName, byte[] content) {
        Matcher m = CSRF.matcher(get(formPath).body());
        String token = m.find() ? m.group(1) : "";
        String boundary = "----chuangwei" + System.nanoTime();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        out.writeBytes(head);
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Referer", base + formPath)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    public Page postRaw(String path, Map<String, String> fields, String csrf) {
        return post(path, fields, csrf, null);
    }

    /** As a browser posts a form: with the page it was on as Referer. */
    private Page post(String path, Map<String, String> fields, String csrf, String from) {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")) + (csrf == null ? "" : "&_csrf=" + enc(csrf));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (from != null) {
            request.header("Referer", base + from);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** As the workbench's script posts: JSON, with the CSRF token of the page it was on as a header. */
    public Page postJson(String formPage, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", token(formPage))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** As the workbench's script uploads a file: multipart, with the CSRF token of the page it was on as a header. */
    public Page upload(String formPage, String path, String fileName, String contentType, byte[] content,
                       String... fields) {
        String boundary = "----chuangwei" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-TOKEN", token(formPage))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private String token(String formPage) {
        Matcher m = CSRF.matcher(get(formPage).body());
        return m.find() ? m.group(1) : "";
    }

    /** A file the page links to, e.g. an Excel export: its bytes, or an assertion error naming the status. */
    public byte[] download(String path) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError(path + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Page login(String user, String password) {
        return post("/login", "/login", Map.of("username", user, "password", password));
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
