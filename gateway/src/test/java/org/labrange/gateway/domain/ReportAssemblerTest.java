package org.labrange.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.service.UpstreamAnswers;

class ReportAssemblerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inputs are written as the services answer them and read as the gateway reads them. */
    private static ReportFindings assemble(String request, String interpretation, Map<String, Source> sources) {
        Map<String, Optional<String>> versions = new LinkedHashMap<>();
        versions.put("interpretation-service", Optional.of("1.0"));
        return ReportAssembler.assemble(new ReportAssembler.Inputs(
                UpstreamAnswers.panelRequest(json(request)),
                UpstreamAnswers.interpretation(json(interpretation)),
                sources,
                Map.of(),
                false,
                versions));
    }

    private static final Map<String, Source> LABS = Map.of(
            "quest", UpstreamAnswers.source(json("{\"code\":\"quest\"}")),
            "labcorp", UpstreamAnswers.source(json("{\"code\":\"labcorp\"}")));

    @Test
    void rejectedResultIsAClinicalWarningNamingTheFieldAndReason() {
        ReportFindings report = assemble(
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
        ReportFindings report = assemble(
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
        ReportFindings report = assemble(
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

        ReportFindings asked =
                assemble("{\"sources\":[\"labcorp\"],\"results\":[{\"id\":\"s1\"}]}", interpretation, LABS);
        ReportFindings notAsked = assemble("{\"results\":[{\"id\":\"s1\"}]}", interpretation, LABS);

        assertFalse(asked.complete());
        assertTrue(notAsked.complete());
        assertEquals(Warning.Severity.NOTICE, notAsked.warnings().get(0).severity());
    }

    @Test
    void disagreementIsDerivedFromTheFlagsWhenNoAgreementIsGiven() {
        ReportFindings report = assemble(
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
        ReportFindings report = assemble(
                "{\"results\":[{\"id\":\"s1\"}]}",
                "{\"results\":[{\"id\":\"s1\",\"status\":\"INTERPRETED\",\"interpretations\":["
                        + "{\"source\":\"quest\",\"flag\":\"N\"},{\"source\":\"labcorp\",\"flag\":\"N\"}]}]}",
                LABS);

        assertTrue(report.disagreements().isEmpty());
        assertTrue(report.complete());
    }

    @Test
    void cachedRangesAreNotedButDoNotMakeTheReportIncomplete() {
        ReportFindings report = assemble(
                "{\"results\":[{\"id\":\"s1\"}]}",
                "{\"ranges\":{\"changeSequence\":7,\"confirmedAt\":\"2026-11-25T11:00:00Z\",\"stale\":true},"
                        + "\"results\":[{\"id\":\"s1\",\"status\":\"INTERPRETED\",\"interpretations\":[]}]}",
                LABS);

        assertTrue(report.complete());
        assertEquals("ranges-cached", report.warnings().get(0).code());
    }

    @Test
    void deltaComputedAgainstAnEarlierResultIsListedAsADeltaCheck() {
        ReportFindings report = assemble(
                "{\"results\":[{\"id\":\"s1\"}]}",
                "{\"results\":[{\"id\":\"s1\",\"status\":\"INTERPRETED\",\"interpretations\":[],"
                        + "\"delta\":{\"possible\":true,\"significant\":true,\"flag\":\"U\"}}]}",
                LABS);

        assertTrue(report.results().get(0).deltaCheck());
    }

    @Test
    void deltaThatCouldNotBeComputedIsNotListedAsADeltaCheck() {
        ReportFindings report = assemble(
                "{\"results\":[{\"id\":\"s1\"}]}",
                "{\"results\":[{\"id\":\"s1\",\"status\":\"INTERPRETED\",\"interpretations\":[],"
                        + "\"delta\":{\"possible\":false,\"reason\":\"no earlier result\"}}]}",
                LABS);

        assertFalse(report.results().get(0).deltaCheck());
    }

    @Test
    void rangeIdsUsedAreListedOnceInOrderOfFirstUse() {
        InterpretationAnswer interpretation = UpstreamAnswers.interpretation(json("{\"results\":["
                + "{\"interpretations\":[{\"range\":{\"rangeId\":\"b\"}},{\"range\":{\"rangeId\":\"a\"}}]},"
                + "{\"interpretations\":[{\"range\":{\"rangeId\":\"b\"}},{\"range\":null}]}]}"));

        assertEquals(List.of("b", "a"), List.copyOf(ReportAssembler.rangeIdsUsed(interpretation)));
    }
}
