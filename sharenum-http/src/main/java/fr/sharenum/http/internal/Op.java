package fr.sharenum.http.internal;

import java.util.List;

/**
 * One operation of the API: what registers it on the server and what describes it in the OpenAPI document,
 * from a single declaration (so no route can be served undescribed).
 *
 * @param method      GET, POST, PUT, PATCH or DELETE
 * @param path        the path, with {@code {name}} parameters
 * @param operationId the OpenAPI operation id
 * @param tag         the group it is listed under
 * @param summary     what it does, in French
 * @param request     the request body
 * @param bodyOptional whether the request body may be left out
 * @param response    the success response body
 * @param status      the success status
 * @param signedIn    whether it acts as the signed-in member ({@code /me…}): 401 without credentials
 * @param idempotent  whether a POST that creates honours {@code Idempotency-Key}
 * @param ifMatch     how the If-Match header is used
 * @param query       the query parameters
 * @param handler     what it does
 */
public record Op(String method, String path, String operationId, String tag, String summary, Shape request, boolean bodyOptional,
                 Shape response,
                 int status, boolean signedIn, boolean idempotent, IfMatch ifMatch, List<Param> query, Handler handler) {

    /** How an operation uses If-Match. */
    public enum IfMatch {
        /** Not used. */
        NONE,
        /** Checked when given against the resource's current version (412 when stale). */
        OPTIONAL,
        /** Required (428 without it); the version is passed to the library, which refuses a stale one. */
        REQUIRED
    }

    /** What an operation does with a call. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param call the call
         * @return the response body, or null for none
         * @throws Exception anything; refusals become problems
         */
        Object handle(Call call) throws Exception;
    }

    /**
     * A query parameter.
     *
     * @param name        its name
     * @param type        {@code string}, {@code integer}, {@code number} or {@code boolean}
     * @param format      an OpenAPI format ({@code date-time}, {@code date}…), or null
     * @param required    whether it must be given
     * @param description what it is, in French
     */
    public record Param(String name, String type, String format, boolean required, String description) {
    }

    /**
     * A body.
     *
     * @param kind      none, one value, a list, a page, or another media type
     * @param type      the value type (the item type of a list or page)
     * @param mediaType the media type
     */
    public record Shape(Kind kind, Class<?> type, String mediaType) {
        /** What a body is. */
        public enum Kind { NONE, ONE, LIST, PAGE, MAP, RAW }

        /** No body. */
        public static final Shape NONE = new Shape(Kind.NONE, null, null);

        /** @param type the value's type @return a JSON body of one value */
        public static Shape one(Class<?> type) {
            return new Shape(Kind.ONE, type, "application/json");
        }

        /** @param type the item type @return a JSON array */
        public static Shape list(Class<?> type) {
            return new Shape(Kind.LIST, type, "application/json");
        }

        /** @param type the item type @return a page of items */
        public static Shape page(Class<?> type) {
            return new Shape(Kind.PAGE, type, "application/json");
        }

        /** @param type the value type @return a JSON object of values by key */
        public static Shape map(Class<?> type) {
            return new Shape(Kind.MAP, type, "application/json");
        }

        /** @param mediaType the media type @return a body described only by its media type */
        public static Shape raw(String mediaType) {
            return new Shape(Kind.RAW, null, mediaType);
        }
    }
}
