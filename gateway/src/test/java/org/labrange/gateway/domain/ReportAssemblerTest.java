package org.labrange.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportAssemblerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Report assemble(String request, String interpretation, Map<String, JsonNode> sources) {
        Map<String, Optional<String>> versions = new LinkedHashMap<>();
        versions.put("interpretation-service", Optional.of("1.0"));
        return ReportAssembler.assemble(new ReportAssembler.Inputs(
                Optional.of("r"),
                json(request),
                json(interpretation),
                sources,
                Map.of(),
                false,
                versions,
                "req",
                NOW,
                NOW));
    }

    private static final Map<String, JsonNode> LABS =
            Map.of("quest", json("{\"code\":\"quest\"}"), "labcorp", json("{\"code\":\"labcorp\"}"));

    @Test
    void rejectedResultIsAClinicalWarningNamingTheFieldAndReason() {
        Report report = assemble(
                "{\"results\":[{\"id\":\"s1\"}]}",
                "{\"results\":[{\"id\":\"s1\",\"status\":\"REJECTED\",\"problems\":[{\"field\":\"unit\",\"reason\":\"kg is not a concentration\"}]}]}",
                LABS);

        assertFalse(report.complete());
        Warning warning = report.warnings().get(0);
        assertEquals("result-rejected", warning.code());
        assertEquals(Warning.Severity.CLINICAL, warning.severity());
        assertTrue(warning.message().contains("unit: kg is not a concentration"), warning.message());
    }

    @Test
    void resultTheInterpretationServiceLeftOutIsAClinicalWarning() {
        Report report = assemble(
                "{\"results\":[{\"id\":\"s1\"},{\"id\":\"u1\"}]}",
                "{\"results\":[{\"id\":\"s1\",\"status\":\"INTERPRETED\",\"interpretations\":[]}]}",
                LABS);

        assertFalse(report.complete());
        assertEquals(
                List.of("result-missing"),
                report.warnings().stream().map(Warning::code).toList());
        assertEquals("u1", report.warnings().get(0).resultId());
    }

    @Test
    void requestedSourceUnknownToTheRangesServiceIsAClinicalWarning() {
        Report report = assemble(
                "{\"sources\":[\"quest\",\"nobody\"],\"results\":[{\"id\":\"s1\"}]}",
                "{\"results\":[{\"id\":\"s1\",\"status\":\"INTERPRETED\",\"interpretations\":[]}]}",
                LABS);

        assertFalse(report.complete());
        assertEquals("unknown-source", report.warnings().get(0).code());
    }

    @Test
    void sourceNotEvaluatedIsClinicalOnlyWhenTheClientAskedForIt() {
        String interpretation = "{\"results\":[{\"id\":\"s1\",\"status\":\"INTERPRETED\",\"interpretations\":[],"
                + "\"notEvaluated\":[{\"source\":\"labcorp\",\"reason\":\"no range for this age\"}]}]}";

        Report asked = assemble("{\"sources\":[\"labcorp\"],\"results\":[{\"id\":\"s1\"}]}", interpretation, LABS);
        Report notAsked = assemble("{\"results\":[{\"id\":\"s1\"}]}", interpretation, LABS);

        assertFalse(asked.complete());
        assertTrue(notAsked.complete());
        assertEquals(Warning.Severity.NOTICE, notAsked.warnings().get(0).severity());
    }

    @Test
    void disagreementIsDerivedFromTheFlagsWhenNoAgreementIsGiven() {
        Report report = assemble(
                "{\"results\":[{\"id\":\"s1\"}]}",
                "{\"results\":[{\"id\":\"s1\",\"status\":\"INTERPRETED\",\"analyte\":{\"code\":\"1952-1\"},\"interpretations\":["
                        + "{\"source\":\"quest\",\"flag\":\"N\"},{\"source\":\"labcorp\",\"flag\":\"H\"}]}]}",
                LABS);

        assertEquals(1, report.disagreements().size());
        assertEquals(
                Map.of("quest", "N", "labcorp", "H"),
                report.disagreements().get(0).flags());
    }

    @Test
    void unanimousFlagsAreNoDisagreement() {
        Report report = assemble(
                "{\"results\":[{\"id\":\"s1\"}]}",
                "{\"results\":[{\"id\":\"s1\",\"status\":\"INTERPRETED\",\"interpretations\":["
                        + "{\"source\":\"quest\",\"flag\":\"N\"},{\"source\":\"labcorp\",\"flag\":\"N\"}]}]}",
                LABS);

        assertTrue(report.disagreements().isEmpty());
        assertTrue(report.complete());
    }

    @Test
    void cachedRangesAreNotedButDoNotMakeTheReportIncomplete() {
        Report report = assemble(
                "{\"results\":[{\"id\":\"s1\"}]}",
                "{\"ranges\":{\"changeSequence\":7,\"confirmedAt\":\"2026-11-25T11:00:00Z\",\"stale\":true},"
                        + "\"results\":[{\"id\":\"s1\",\"status\":\"INTERPRETED\",\"interpretations\":[]}]}",
                LABS);

        assertTrue(report.complete());
        assertEquals("ranges-cached", report.warnings().get(0).code());
        assertEquals(7, report.provenance().rangesState().get("changeSequence").asInt());
    }

    @Test
    void deltaThatCouldNotBeComputedIsNotListedAsADeltaCheck() {
        Report report = assemble(
                "{\"results\":[{\"id\":\"s1\"}]}",
                "{\"results\":[{\"id\":\"s1\",\"status\":\"INTERPRETED\",\"interpretations\":[],"
                        + "\"delta\":{\"possible\":false,\"reason\":\"no earlier result\"}}]}",
                LABS);

        assertTrue(report.deltaChecks().isEmpty());
    }

    @Test
    void rangeIdsUsedAreListedOnceInOrderOfFirstUse() {
        JsonNode interpretation = json("{\"results\":["
                + "{\"interpretations\":[{\"range\":{\"rangeId\":\"b\"}},{\"range\":{\"rangeId\":\"a\"}}]},"
                + "{\"interpretations\":[{\"range\":{\"rangeId\":\"b\"}},{\"range\":null}]}]}");

        assertEquals(List.of("b", "a"), List.copyOf(ReportAssembler.rangeIdsUsed(interpretation)));
    }
}
