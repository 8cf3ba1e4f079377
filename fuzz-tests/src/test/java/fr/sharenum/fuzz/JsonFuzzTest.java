package fr.sharenum.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.sharenum.json.ShareNumModule;

import java.util.List;

/**
 * Any text read as any ShareNum value type (all of {@link ShareNumModule#valueTypes()}): a value (valid by construction) or a
 * {@link JsonProcessingException}; nothing else escapes, nothing hangs.
 */
class JsonFuzzTest {
    private static final JsonMapper JSON = ShareNumModule.mapper();
    private static final List<Class<?>> TYPES = ShareNumModule.valueTypes();

    @FuzzTest(maxDuration = "20s")
    void any_json_reads_as_a_valid_value_or_fails_cleanly(FuzzedDataProvider data) {
        Class<?> type = TYPES.get(data.consumeInt(0, TYPES.size() - 1));
        String json = data.consumeRemainingAsString();
        try {
            Object value = JSON.readValue(json, type);
            if (value != null) {
                // what was read writes back and reads again to the same value
                Object again = JSON.readValue(JSON.writeValueAsString(value), type);
                if (!value.equals(again)) {
                    throw new AssertionError("round trip changed " + value + " into " + again);
                }
            }
        } catch (JsonProcessingException refused) {
            // the documented failure
        }
    }
}
