package org.labrange.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.service.UpstreamAnswers;

class OverviewAssemblerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RangeRevision revision(String text) {
        return UpstreamAnswers.revision(json(text));
    }

    @Test
    void revisionTakingEffectTodayIsNotScheduledButOneFromTomorrowIs() {
        LocalDate today = LocalDate.parse("2026-11-25");
        RangeInEffect range =
                UpstreamAnswers.rangeInEffect(json("{\"rangeId\":\"r\",\"sourceCode\":\"quest\",\"revision\":1}"));
        Map<String, Source> sources =
                Map.of("quest", UpstreamAnswers.source(json("{\"code\":\"quest\",\"name\":\"Quest\"}")));

        OverviewFindings fromToday = OverviewAssembler.assemble(
                List.of(range),
                sources,
                Map.of("r", Optional.of(List.of(revision("{\"revision\":2,\"effectiveFrom\":\"2026-11-25\"}")))),
                false,
                today);
        OverviewFindings fromTomorrow = OverviewAssembler.assemble(
                List.of(range),
                sources,
                Map.of("r", Optional.of(List.of(revision("{\"revision\":2,\"effectiveFrom\":\"2026-11-26\"}")))),
                false,
                today);

        assertEquals(
                false,
                fromToday
                        .sources()
                        .get(0)
                        .ranges()
                        .get(0)
                        .lastRevision()
                        .orElseThrow()
                        .scheduled());
        assertEquals(
                true,
                fromTomorrow
                        .sources()
                        .get(0)
                        .ranges()
                        .get(0)
                        .lastRevision()
                        .orElseThrow()
                        .scheduled());
    }

    @Test
    void rangeWhoseHistoryCannotBeReadKeepsItsCurrentRevisionAndIsNoted() {
        RangeInEffect range = new RangeInEffect(Optional.of("r"), Optional.of("quest"));

        OverviewFindings overview =
                OverviewAssembler.assemble(List.of(range), Map.of(), Map.of(), false, LocalDate.parse("2026-11-25"));

        assertTrue(overview.sources().get(0).ranges().get(0).lastRevision().isEmpty());
        assertEquals("range-history-unavailable", overview.warnings().get(0).code());
    }
}
