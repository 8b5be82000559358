package org.labrange.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OverviewAssemblerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void revisionTakingEffectTodayIsNotScheduledButOneFromTomorrowIs() {
        LocalDate today = LocalDate.parse("2026-11-25");
        JsonNode range = json("{\"rangeId\":\"r\",\"sourceCode\":\"quest\",\"revision\":1}");
        Map<String, JsonNode> sources = Map.of("quest", json("{\"code\":\"quest\",\"name\":\"Quest\"}"));

        AnalyteOverview fromToday = OverviewAssembler.assemble(
                json("{}"),
                List.of(range),
                sources,
                Map.of("r", Optional.of(List.of(json("{\"revision\":2,\"effectiveFrom\":\"2026-11-25\"}")))),
                false,
                today,
                Instant.EPOCH);
        AnalyteOverview fromTomorrow = OverviewAssembler.assemble(
                json("{}"),
                List.of(range),
                sources,
                Map.of("r", Optional.of(List.of(json("{\"revision\":2,\"effectiveFrom\":\"2026-11-26\"}")))),
                false,
                today,
                Instant.EPOCH);

        assertEquals(
                false, fromToday.sources().get(0).ranges().get(0).lastRevision().scheduled());
        assertEquals(
                true,
                fromTomorrow.sources().get(0).ranges().get(0).lastRevision().scheduled());
    }

    @Test
    void rangeWhoseHistoryCannotBeReadKeepsItsCurrentRevisionAndIsNoted() {
        JsonNode range = json("{\"rangeId\":\"r\",\"sourceCode\":\"quest\",\"revision\":1}");

        AnalyteOverview overview = OverviewAssembler.assemble(
                json("{}"), List.of(range), Map.of(), Map.of(), false, LocalDate.parse("2026-11-25"), Instant.EPOCH);

        assertNull(overview.sources().get(0).ranges().get(0).lastRevision());
        assertEquals("range-history-unavailable", overview.warnings().get(0).code());
    }
}
