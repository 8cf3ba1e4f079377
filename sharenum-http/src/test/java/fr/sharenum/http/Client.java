package fr.sharenum.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A test client of the API: every exchange is checked against the OpenAPI document. */
final class Client {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;
    private final OpenApiValidator validator;
    private final List<String> headers = new ArrayList<>();

    Client(String base, String token, OpenApiValidator validator) {
        this.base = base;
        this.token = token;
        this.validator = validator;
    }

    /** A response. */
    record Res(int status, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String body() {
            return raw.body();
        }

        String code() {
            return json().path("code").asText();
        }
    }

    /** @return the bearer token, or null */
    String token() {
        return token;
    }

    /** @return a client with one more header on every request */
    Client with(String name, String value) {
        Client c = new Client(base, token, validator);
        c.headers.addAll(headers);
        c.headers.add(name);
        c.headers.add(value);
        return c;
    }

    Res get(String path) {
        return send("GET", path, null);
    }

    Res post(String path, Object body) {
        return send("POST", path, body);
    }

    Res put(String path, Object body) {
        return send("PUT", path, body);
    }

    Res patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    Res delete(String path) {
        return send("DELETE", path, null);
    }

    Res send(String method, String path, Object body) {
        try {
            String json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                b.header("Content-Type", "application/json");
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i < headers.size(); i += 2) {
                b.setHeader(headers.get(i), headers.get(i + 1));
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            validator.check(method, p, json, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
            return new Res(r.statusCode(), r);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
