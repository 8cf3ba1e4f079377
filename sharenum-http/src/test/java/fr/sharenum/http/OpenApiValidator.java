package fr.sharenum.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fr.sharenum.http.internal.OpenApi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks exchanges against the committed OpenAPI document: the route is described, the request body matches its
 * schema, the status is described (or is a problem under {@code default}), the response's media type and body
 * match. Remembers which operations answered, so a test can check that every described one did.
 */
final class OpenApiValidator {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonNode doc;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final List<Route> routes = new ArrayList<>();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();

    private record Route(String method, Pattern path, JsonNode operation) {
    }

    OpenApiValidator() {
        try {
            doc = MAPPER.readTree(OpenApi.committed());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            Pattern regex = Pattern.compile(p.getKey().replaceAll("\\{[a-z]+}", "[^/]+").replace(".", "\\."));
            p.getValue().fields().forEachRemaining(m -> routes.add(new Route(m.getKey().toUpperCase(), regex, m.getValue())));
        }
    }

    /** @return every operation id the document describes */
    Set<String> described() {
        Set<String> ids = new TreeSet<>();
        routes.forEach(r -> ids.add(r.operation().get("operationId").asText()));
        return ids;
    }

    /** @return the operation ids that answered so far */
    Set<String> answered() {
        return new TreeSet<>(answered);
    }

    /**
     * @param method       the method
     * @param path         the path, without the query
     * @param requestBody  the JSON sent, or null
     * @param status       the status
     * @param contentType  the response's media type, or null
     * @param responseBody the response body
     */
    void check(String method, String path, String requestBody, int status, String contentType, String responseBody) {
        Route route = routes.stream().filter(r -> r.method().equals(method) && r.path().matcher(path).matches())
                .min((a, b) -> Integer.compare(a.path().pattern().length(), b.path().pattern().length()) * -1)
                .orElse(null);
        if (route == null && status == 404) {
            validate("problem", doc.at("/paths/~1api~1v1~1health/get/responses/default/content/application~1problem+json/schema"),
                    responseBody);
            return;
        }
        assertThat(route).as("%s %s is described in openapi.json", method, path).isNotNull();
        String id = route.operation().get("operationId").asText();
        JsonNode reqSchema = route.operation().path("requestBody").path("content").path("application/json").path("schema");
        if (!reqSchema.isMissingNode() && requestBody != null && status < 300) {
            validate(id + ":request", reqSchema, requestBody);
        }
        JsonNode responses = route.operation().get("responses");
        JsonNode response = responses.get(Integer.toString(status));
        if (response == null && status == 304) {
            answered.add(id);
            return;
        }
        if (response == null) {
            assertThat(status).as("%s %s answered %d, not described: only problems go under default", method, path, status)
                    .isGreaterThanOrEqualTo(400);
            assertThat(contentType).as("%s %s %d media type", method, path, status).startsWith("application/problem+json");
            validate("problem", responses.get("default").path("content").path("application/problem+json").path("schema"), responseBody);
            answered.add(id);
            return;
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode()) {
            assertThat(responseBody).as("%s %s has no body", method, path).isEmpty();
        } else {
            String media = content.fieldNames().next();
            assertThat(contentType).as("%s %s media type", method, path).startsWith(media);
            if (media.contains("json")) {
                validate(id + ":" + status, content.get(media).get("schema"), responseBody);
            }
        }
        answered.add(id);
    }

    private void validate(String key, JsonNode schema, String body) {
        JsonSchema s = schemas.computeIfAbsent(key, k -> {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.set("components", doc.get("components"));
            root.setAll((ObjectNode) schema.deepCopy());
            return factory.getSchema(root);
        });
        try {
            Set<ValidationMessage> errors = s.validate(MAPPER.readTree(body));
            assertThat(errors).as("%s: %s", key, body.length() > 2000 ? body.substring(0, 2000) : body).isEmpty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(key + ": not JSON: " + body, e);
        }
    }
}
