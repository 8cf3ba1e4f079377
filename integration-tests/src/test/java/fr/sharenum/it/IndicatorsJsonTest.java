package fr.sharenum.it;

import com.fasterxml.jackson.databind.JsonNode;
import fr.sharenum.IndicatorReport;
import fr.sharenum.Territory;
import fr.sharenum.json.ShareNumModule;
import fr.sharenum.model.Academie;
import fr.sharenum.model.ToolId;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Indicator reports export as JSON with sharenum-json (and as CSV with {@code toCsv()}). */
class IndicatorsJsonTest {

    @Test
    void a_report_is_json_with_every_indicator() throws Exception {
        ToolId capytale = ToolId.of("capytale");
        IndicatorReport report = new IndicatorReport(Territory.of(Academie.DIJON), YearMonth.of(2026, 9), YearMonth.of(2027, 8),
                Map.of(capytale, new int[] {3, 2, 1}), 12, 0.5, 0.25, 0.75, 0.5, 0.25, 30L, 90L, null, 4, 22, 25, 40, 3, 180.5,
                0.4, 0.6, Map.of(capytale, 2), 10, 4.2);

        JsonNode json = ShareNumModule.mapper().readTree(ShareNumModule.mapper().writeValueAsString(report));

        assertThat(json.path("territory").path("level").asText()).isEqualTo("ACADEMIE");
        assertThat(json.path("from").asText()).isEqualTo("2026-09");
        assertThat(json.path("ticketsOpened").asInt()).isEqualTo(12);
        assertThat(json.path("membersByToolAndLevel").path("capytale").get(2).asInt()).isEqualTo(1);
        assertThat(json.path("medianMinutesToEvent").isNull()).isTrue();
        assertThat(json.path("unmetDemandByTool").path("capytale").asInt()).isEqualTo(2);
        assertThat(json.has("fillRate")).isFalse();
        assertThat(json.path("meanUsefulness").asDouble()).isEqualTo(4.2);
        assertThat(report.toCsv()).contains("busnum_km;181\n").contains("median_minutes_to_event;\n").contains("feedbacks;10\n");
        report.membersByToolAndLevel().get(capytale)[0] = 99;
        assertThat(report.members(capytale, 0)).as("the report is immutable").isEqualTo(3);
    }
}
