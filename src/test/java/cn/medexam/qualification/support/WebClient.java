package cn.medexam.qualification.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * One person's browser against the running application over HTTP: a cookie jar, the login page, and the CSRF
 * headers a page script sends (Camunda's {@code X-XSRF-TOKEN} on /camunda, the application's on /api), so that a
 * test calls the webapps' engine API exactly as Tasklist and Cockpit do. {@link #basic} calls without a session.
 */
public final class WebClient {

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public WebClient(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Signs in on the login page and opens Tasklist and the API, which hand out their CSRF cookies. */
    public WebClient logIn(String user, String password) {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/"))
                .header("Accept", "text/html")
                .GET());
        get("/api/me/case");
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json")
                .GET());
    }

    /** A write as a page script sends it: JSON body, both CSRF headers. */
    public HttpResponse<String> send(String method, String path, String json) {
        return send(withCsrf(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A write as Tasklist's scripts send it to the engine's REST API: JSON body, CSRF header, HAL answers. */
    public HttpResponse<String> sendHal(String method, String path, String json) {
        return send(withCsrf(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", "application/json")
                .header("Accept", "application/hal+json, application/json; q=0.5")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A file as the candidate's page uploads it: multipart with one part {@code file}, both CSRF headers. */
    public HttpResponse<String> upload(String path, String filename, String contentType, byte[] content) {
        String boundary = UUID.randomUUID().toString();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(withCsrf(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))));
    }

    /** A form post as a login page sends it. */
    public HttpResponse<String> form(String path, String form) {
        return send(withCsrf(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A call with HTTP Basic credentials and no session, as a script or another system makes it. */
    public HttpResponse<String> basic(String user, String password, String method, String path, String json) {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return sendWithoutCookies(request);
    }

    public HttpResponse<String> anonymous(String method, String path) {
        return sendWithoutCookies(HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
        cookie("XSRF-TOKEN").ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        cookie("QR-XSRF-TOKEN").ifPresent(token -> request.header("X-QR-XSRF-TOKEN", token));
        return request;
    }

    private java.util.Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(http, request);
    }

    private HttpResponse<String> sendWithoutCookies(HttpRequest.Builder request) {
        return send(
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
