package fr.sharenum.core.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.sharenum.json.ShareNumModule;

/** JSON bodies of kernel documents and change-feed payloads, written and read with {@code sharenum-json}. */
public final class Codec {
    private static final JsonMapper JSON = ShareNumModule.mapper();

    private Codec() {
    }

    /**
     * @param value a ShareNum value
     * @return its JSON
     */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * @param json the JSON written by {@link #write}
     * @param type what it holds
     * @param <T>  the type
     * @return the value
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " cannot be read back: " + e.getOriginalMessage(), e);
        }
    }
}
