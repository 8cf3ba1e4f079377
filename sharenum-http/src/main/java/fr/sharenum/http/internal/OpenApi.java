package fr.sharenum.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.sharenum.http.InboxNotifier;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document, generated from the {@link Op}s and the records they read and write (their
 * components are the JSON properties, as {@code sharenum-json} writes them), and kept in the repository as
 * {@code src/main/resources/fr/sharenum/http/openapi.json}: {@code OpenApiDocTest} fails when the committed file
 * differs from what the code would generate.
 */
public final class OpenApi {

    /** Where the committed document is, on the class path. */
    public static final String RESOURCE = "/fr/sharenum/http/openapi.json";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> IDS = Set.of("Uai", "MemberId", "TicketId", "EventId", "BusId", "ToolId", "Theme", "Email",
            "CampaignId", "GrantId");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z]+)}");

    private final Map<String, ObjectNode> components = new TreeMap<>();
    private final Map<String, Class<?>> owners = new java.util.HashMap<>();

    private OpenApi() {
    }

    /** @return the committed document, as served at {@code /api/v1/openapi.json} */
    public static String committed() {
        try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "{}";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param ops the operations
     * @return the document, pretty-printed, ending with a line feed
     */
    public static String generate(List<Op> ops) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(new OpenApi().document(ops)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode document(List<Op> ops) {
        ObjectNode doc = F.objectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "ShareNum API");
        info.put("version", "1");
        info.put("description", "L'API REST/JSON de ShareNum : chaque opération est un appel de la bibliothèque au nom de la "
                + "personne authentifiée (jeton OIDC, ou connexion de développement), et la matrice d'accès de la bibliothèque "
                + "s'applique telle quelle. Les refus sont des problèmes RFC 9457 (application/problem+json) avec un code stable "
                + "et un détail en français (en anglais avec Accept-Language: en). Listes paginées par curseur (next, Link), "
                + "ETag et If-Match sur les ressources versionnées, Idempotency-Key sur les créations.");
        doc.putArray("servers").addObject().put("url", "/");
        ArrayNode security = doc.putArray("security");
        security.addObject().putArray("bearer");
        security.addObject();
        ObjectNode paths = doc.putObject("paths");
        Map<String, ObjectNode> byPath = new LinkedHashMap<>();
        for (Op op : ops) {
            ObjectNode item = byPath.computeIfAbsent(op.path(), p -> paths.putObject(p));
            item.set(op.method().toLowerCase(java.util.Locale.ROOT), operation(op));
        }
        ObjectNode comps = doc.putObject("components");
        ObjectNode schemes = comps.putObject("securitySchemes");
        ObjectNode bearer = schemes.putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("description", "Jeton d'accès OIDC (JWT), ou jeton de session de la connexion de développement (dev.…)");
        schemaOf(Bodies.Problem.class);
        ObjectNode sorted = F.objectNode();
        new TreeMap<>(components).forEach(sorted::set);
        comps.set("schemas", sorted);
        return doc;
    }

    private ObjectNode operation(Op op) {
        ObjectNode o = F.objectNode();
        o.put("operationId", op.operationId());
        o.putArray("tags").add(op.tag());
        o.put("summary", op.summary());
        ArrayNode params = F.arrayNode();
        Matcher m = PATH_PARAM.matcher(op.path());
        while (m.find()) {
            ObjectNode p = params.addObject();
            p.put("name", m.group(1));
            p.put("in", "path");
            p.put("required", true);
            p.putObject("schema").put("type", "string");
        }
        for (Op.Param q : op.query()) {
            ObjectNode p = params.addObject();
            p.put("name", q.name());
            p.put("in", "query");
            p.put("required", q.required());
            p.put("description", q.description());
            ObjectNode s = p.putObject("schema");
            s.put("type", q.type());
            if (q.format() != null) {
                s.put("format", q.format());
            }
        }
        if (op.ifMatch() != Op.IfMatch.NONE) {
            header(params, "If-Match", op.ifMatch() == Op.IfMatch.REQUIRED,
                    "la version (ETag) sur laquelle porte la modification ; 412 si elle n'est plus à jour");
        }
        if (op.idempotent()) {
            header(params, "Idempotency-Key", false, "clé d'idempotence (1–255 caractères) : une répétition rejoue la réponse");
        }
        if (op.path().equals(Routes.INBOX_STREAM)) {
            header(params, "Last-Event-ID", false, "le numéro du dernier événement reçu, pour reprendre après une coupure");
        }
        if (!params.isEmpty()) {
            o.set("parameters", params);
        }
        if (op.request().kind() != Op.Shape.Kind.NONE) {
            ObjectNode body = o.putObject("requestBody");
            body.put("required", !op.bodyOptional());
            body.putObject("content").putObject("application/json").set("schema", shape(op.request()));
        }
        ObjectNode responses = o.putObject("responses");
        ObjectNode ok = responses.putObject(Integer.toString(op.status()));
        ok.put("description", op.status() == 201 ? "créé" : op.status() == 204 ? "fait" : "réussi");
        if (op.response().kind() != Op.Shape.Kind.NONE) {
            ObjectNode content = ok.putObject("content").putObject(op.response().mediaType());
            content.set("schema", shape(op.response()));
        }
        ObjectNode problem = responses.putObject("default");
        problem.put("description", "un refus (RFC 9457)");
        problem.putObject("content").putObject(Problems.MEDIA_TYPE).set("schema", schemaOf(Bodies.Problem.class));
        return o;
    }

    private static void header(ArrayNode params, String name, boolean required, String description) {
        ObjectNode p = params.addObject();
        p.put("name", name);
        p.put("in", "header");
        p.put("required", required);
        p.put("description", description);
        p.putObject("schema").put("type", "string");
    }

    private ObjectNode shape(Op.Shape shape) {
        switch (shape.kind()) {
            case ONE:
                return schemaOf(shape.type());
            case LIST: {
                ObjectNode a = F.objectNode();
                a.put("type", "array");
                a.set("items", schemaOf(shape.type()));
                return a;
            }
            case PAGE: {
                ObjectNode p = F.objectNode();
                p.put("type", "object");
                ObjectNode props = p.putObject("properties");
                ObjectNode items = props.putObject("items");
                items.put("type", "array");
                items.set("items", schemaOf(shape.type()));
                props.putObject("next").put("type", "string");
                p.putArray("required").add("items");
                p.put("additionalProperties", false);
                return p;
            }
            case MAP: {
                ObjectNode mp = F.objectNode();
                mp.put("type", "object");
                ObjectNode values = mp.putObject("additionalProperties");
                values.put("type", "array");
                values.set("items", schemaOf(shape.type()));
                return mp;
            }
            default: {
                ObjectNode raw = F.objectNode();
                raw.put("type", shape.mediaType().contains("json") ? "object" : "string");
                return raw;
            }
        }
    }

    private ObjectNode schemaOf(Type type) {
        ObjectNode s = F.objectNode();
        if (type instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                s.put("type", "array");
                s.set("items", schemaOf(pt.getActualTypeArguments()[0]));
                return s;
            }
            if (Map.class.isAssignableFrom(raw)) {
                s.put("type", "object");
                s.set("additionalProperties", schemaOf(pt.getActualTypeArguments()[1]));
                return s;
            }
            return schemaOf(raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class || c == ZoneId.class || c == java.net.URI.class || IDS.contains(c.getSimpleName())) {
            s.put("type", "string");
        } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class || c == short.class) {
            s.put("type", "integer");
        } else if (c == double.class || c == Double.class || c == float.class) {
            s.put("type", "number");
        } else if (c == boolean.class || c == Boolean.class) {
            s.put("type", "boolean");
        } else if (c == Instant.class) {
            s.put("type", "string").put("format", "date-time");
        } else if (c == LocalDate.class) {
            s.put("type", "string").put("format", "date");
        } else if (c == LocalTime.class) {
            s.put("type", "string").put("pattern", "^\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$");
        } else if (c == Duration.class) {
            s.put("type", "string").put("format", "duration");
        } else if (c == YearMonth.class) {
            s.put("type", "string").put("pattern", "^\\d{4}-\\d{2}$");
        } else if (c.isEnum()) {
            s.put("type", "string");
            ArrayNode values = s.putArray("enum");
            for (Object v : c.getEnumConstants()) {
                values.add(((Enum<?>) v).name());
            }
        } else if (c.isArray()) {
            s.put("type", "array");
            s.set("items", schemaOf(c.getComponentType()));
        } else if (c == Notification.class) {
            s.put("$ref", ref(c, () -> polymorphic(Notification.class.getPermittedSubclasses(), null)));
        } else if (c == Report.Subject.class) {
            s.put("$ref", ref(c, () -> polymorphic(Report.Subject.class.getPermittedSubclasses(),
                    Map.of(Report.OfMember.class, "member", Report.OfMessage.class, "message", Report.OfEvent.class, "event"))));
        } else if (c.isRecord()) {
            s.put("$ref", ref(c, () -> record(c, null)));
        } else if (c == Object.class) {
            return s;
        } else {
            throw new IllegalStateException("no JSON schema for " + c.getName());
        }
        return s;
    }

    private String ref(Class<?> c, java.util.function.Supplier<ObjectNode> schema) {
        String name = name(c);
        Class<?> owner = owners.putIfAbsent(name, c);
        if (owner != null && owner != c) {
            throw new IllegalStateException("two types named " + name + ": " + owner.getName() + ", " + c.getName());
        }
        if (!components.containsKey(name)) {
            components.put(name, F.objectNode());   // reserve the name: records may refer to themselves
            components.put(name, schema.get());
        }
        return "#/components/schemas/" + name;
    }

    private ObjectNode polymorphic(Class<?>[] subtypes, Map<Class<?>, String> names) {
        ObjectNode s = F.objectNode();
        ArrayNode oneOf = s.putArray("oneOf");
        for (Class<?> sub : subtypes) {
            String typeName = names == null ? sub.getSimpleName() : names.get(sub);
            oneOf.addObject().put("$ref", ref(sub, () -> record(sub, typeName)));
        }
        return s;
    }

    private ObjectNode record(Class<?> c, String typeName) {
        ObjectNode s = F.objectNode();
        s.put("type", "object");
        ObjectNode props = s.putObject("properties");
        ArrayNode required = F.arrayNode();
        if (typeName != null) {
            props.putObject("type").put("const", typeName);
            required.add("type");
        }
        boolean requestBody = c.getEnclosingClass() == Bodies.class;
        for (RecordComponent rc : c.getRecordComponents()) {
            props.set(rc.getName(), schemaOf(rc.getGenericType()));
            boolean isRequired = requestBody ? rc.isAnnotationPresent(Bodies.Required.class)
                    : rc.getType().isPrimitive() || Collection.class.isAssignableFrom(rc.getType())
                    || Map.class.isAssignableFrom(rc.getType());
            if (isRequired) {
                required.add(rc.getName());
            }
        }
        if (!required.isEmpty()) {
            s.set("required", required);
        }
        s.put("additionalProperties", false);
        return s;
    }

    private static String name(Class<?> c) {
        Class<?> outer = c.getEnclosingClass();
        if (outer == null || outer == Bodies.class || outer == InboxNotifier.class || outer == Notification.class) {
            return c.getSimpleName();
        }
        return outer.getSimpleName() + c.getSimpleName();
    }

    /**
     * @param doc a document
     * @return its schemas by name
     */
    static JsonNode schemas(JsonNode doc) {
        return doc.path("components").path("schemas");
    }
}
