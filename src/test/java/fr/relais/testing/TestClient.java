package fr.relais.testing;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.net.HttpCookie;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A browser-like HTTP client for controller tests: Micronaut's client with redirects off, a cookie jar,
 * form posts with the CSRF token the server issued, and answers that never throw on 4xx/5xx.
 */
public final class TestClient implements AutoCloseable {
    public static final String DEMO_PASSWORD = "demo-relais-2026";
    private final HttpClient client;
    private final BlockingHttpClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private TestClient(java.net.URL url) {
        DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
        config.setFollowRedirects(false);
        config.setReadTimeout(java.time.Duration.ofSeconds(60));
        this.client = HttpClient.create(url, config);
        this.http = client.toBlocking();
    }

    public static TestClient of(EmbeddedServer server) {
        return new TestClient(server.getURL());
    }

    /** A header sent with every request from now on (e.g. Accept-Language). */
    public TestClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Answer get(String path) {
        return send(HttpRequest.GET(path));
    }

    /**
     * Posts a form with the CSRF token of this browser (fetched from a page first if needed). A form holding a
     * {@link FilePart}, or made by {@link #multipart}, is sent as multipart/form-data, like a browser's upload form.
     */
    public Answer post(String path, Map<String, ?> form) {
        Map<String, Object> withToken = new LinkedHashMap<>(form);
        withToken.putIfAbsent("csrfToken", csrfToken());
        return isMultipart(form) ? postMultipartRaw(path, withToken) : postRaw(path, withToken);
    }

    /** A file chosen in a form's file field. */
    public record FilePart(String filename, String contentType, byte[] content) {
    }

    /** The fields of a form sent as multipart/form-data (enctype="multipart/form-data"), files or not. */
    public static Map<String, Object> multipart(Map<String, ?> fields) {
        return new MultipartFields(fields);
    }

    private static final class MultipartFields extends LinkedHashMap<String, Object> {
        MultipartFields(Map<String, ?> fields) {
            super(fields);
        }
    }

    private static boolean isMultipart(Map<String, ?> form) {
        return form instanceof MultipartFields || form.values().stream().anyMatch(FilePart.class::isInstance);
    }

    /** Posts exactly the given fields as multipart/form-data: no CSRF token is added. */
    public Answer postMultipartRaw(String path, Map<String, ?> form) {
        MultipartBody.Builder body = MultipartBody.builder();
        form.forEach((key, value) -> {
            if (value instanceof FilePart file) {
                body.addPart(key, file.filename(), MediaType.of(file.contentType()), file.content());
            } else {
                body.addPart(key, value == null ? "" : String.valueOf(value));
            }
        });
        return send(HttpRequest.POST(path, body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    /** Posts exactly the given fields: no CSRF token is added. */
    public Answer postRaw(String path, Map<String, ?> form) {
        MutableHttpRequest<String> request = HttpRequest.POST(path, encode(form))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        return send(request);
    }

    public String csrfToken() {
        if (!cookies.containsKey("relais_csrf")) {
            get("/connexion");
        }
        return cookies.get("relais_csrf");
    }

    /** Logs in and checks the login succeeded. */
    public TestClient login(String email, String password) {
        Answer answer = post("/connexion", Map.of("email", email, "password", password));
        if (answer.status() != 303) {
            throw new AssertionError("Login of " + email + " failed with " + answer.status());
        }
        return this;
    }

    public TestClient loginDemo(String email) {
        return login(email, DEMO_PASSWORD);
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public void forget(String name) {
        cookies.remove(name);
    }

    private Answer send(MutableHttpRequest<?> request) {
        if (!cookies.isEmpty()) {
            StringJoiner jar = new StringJoiner("; ");
            cookies.forEach((k, v) -> jar.add(k + "=" + v));
            request.header(HttpHeaders.COOKIE, jar.toString());
        }
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> failed = (HttpResponse<String>) e.getResponse();
            response = failed;
        }
        List<String> setCookies = response.getHeaders().getAll(HttpHeaders.SET_COOKIE);
        for (String header : setCookies) {
            for (HttpCookie cookie : HttpCookie.parse(header)) {
                if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                    cookies.remove(cookie.getName());
                } else {
                    cookies.put(cookie.getName(), cookie.getValue());
                }
            }
        }
        String body = response.getBody(String.class).orElse("");
        return new Answer(response.getStatus().getCode(), response.getHeaders().get(HttpHeaders.LOCATION), body,
                response.getHeaders().asMap(), setCookies);
    }

    static String encode(Map<String, ?> form) {
        StringJoiner out = new StringJoiner("&");
        form.forEach((key, value) -> {
            Collection<?> values = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
            for (Object v : values) {
                out.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    @Override
    public void close() {
        client.close();
    }

    /** One answer: status, Location, body and headers; {@link #html()} parses the body. */
    public record Answer(int status, String location, String body, Map<String, List<String>> headers,
                         List<String> setCookies) {
        public Document html() {
            return Jsoup.parse(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The message shown next to a form field (its element id is f-FIELD-error). */
        public String fieldError(String field) {
            var element = html().getElementById("f-" + field + "-error");
            return element == null ? null : element.text();
        }

        /**
         * The message a sighted person reads next to a form field: without the hidden prefix ("Erreur :") that
         * only screen readers hear, no-break spaces read as plain spaces; null when the field has none.
         */
        public String fieldMessage(String field) {
            var element = html().getElementById("f-" + field + "-error");
            if (element == null) {
                return null;
            }
            element.select(".visually-hidden").remove();
            return plain(element.text().strip());
        }

        /** Text with the no-break spaces of French typography read as plain spaces. */
        public static String plain(String text) {
            return text == null ? null : text.replace('\u00a0', ' ').replace('\u202f', ' ');
        }

        /** The value a text field shows back. */
        public String fieldValue(String field) {
            var element = html().getElementById("f-" + field);
            if (element == null) {
                return null;
            }
            return element.tagName().equals("textarea") ? element.text() : element.attr("value");
        }

        public String h1() {
            var h1 = html().selectFirst("h1");
            return h1 == null ? null : h1.text();
        }

        public List<String> texts(String cssQuery) {
            List<String> texts = new ArrayList<>();
            html().select(cssQuery).forEach(e -> texts.add(e.text()));
            return texts;
        }
    }
}
