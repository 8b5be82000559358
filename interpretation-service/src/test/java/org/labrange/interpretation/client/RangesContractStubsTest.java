package org.labrange.interpretation.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.labrange.interpretation.client.RangesDtos.AnalyteDto;
import org.labrange.interpretation.client.RangesDtos.LatestChangeDto;
import org.labrange.interpretation.client.RangesDtos.SourceDto;
import org.labrange.interpretation.client.RangesDtos.TimelineDto;
import org.labrange.interpretation.support.RangesServiceStub;

/**
 * Consumer side of the contract check of the WireMock bodies in src/test/resources/contract/: each carries every
 * field of the shapes reference-ranges-service documents, and this service's client reads each without losing a
 * revision. The provider side (reference-ranges-service's ConsumerStubContractTest) requests the same paths from
 * the real service and fails when a stub has a field, a JSON type or an enum value the service does not serve.
 */
class RangesContractStubsTest {

    private static final Set<String> ANALYTE = Set.of(
            "code",
            "loinc",
            "displayName",
            "aliases",
            "specimen",
            "unit",
            "molarMassGramsPerMole",
            "analyticalCvPercent",
            "withinSubjectCvPercent");
    private static final Set<String> SOURCE = Set.of("code", "name", "kind", "citation", "url");
    private static final Set<String> REVISION = Set.of(
            "rangeId",
            "revision",
            "analyteCode",
            "sourceCode",
            "category",
            "low",
            "lowInclusive",
            "high",
            "highInclusive",
            "unit",
            "population",
            "note",
            "status",
            "effectiveFrom",
            "effectiveTo",
            "recordedAt",
            "recordedBy",
            "reason");
    private static final Set<String> POPULATION = Set.of("sex", "ageMin", "ageMax", "ageUnit", "condition", "method");

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonNode stub(String file) throws IOException {
        return mapper.readTree(RangesServiceStub.read("contract/" + file));
    }

    private static void hasFields(JsonNode node, Set<String> fields, String where) {
        for (String f : fields) {
            assertTrue(node.has(f), where + " lacks documented field '" + f + "'");
        }
    }

    @Test
    void everyStubCarriesEveryFieldTheRangesServiceDocuments() throws IOException {
        stub("analytes.json").forEach(a -> hasFields(a, ANALYTE, "analytes.json"));
        stub("sources.json").forEach(s -> hasFields(s, SOURCE, "sources.json"));
        for (String file : List.of("timeline-1952-1.json", "timeline-1953-9.json")) {
            JsonNode t = stub(file);
            hasFields(t, Set.of("analyte", "knownAt", "changeSequence", "changeRecordedAt", "revisions"), file);
            hasFields(t.get("analyte"), ANALYTE, file);
            assertFalse(t.get("revisions").isEmpty(), file);
            t.get("revisions").forEach(r -> {
                hasFields(r, REVISION, file);
                hasFields(r.get("population"), POPULATION, file);
            });
        }
        hasFields(stub("changes-latest.json"), Set.of("latestSequence", "recordedAt"), "changes-latest.json");
        JsonNode before = stub("timeline-1952-1-before-any-range.json");
        hasFields(before, Set.of("analyte", "knownAt", "changeSequence", "changeRecordedAt", "revisions"), "before");
        assertTrue(before.get("revisions").isEmpty(), "nothing was recorded before the first range");
    }

    @Test
    void everyStubIsReadByThisServicesClientWithoutLosingARevision() throws IOException {
        List<AnalyteDto> analytes = List.of(mapper.treeToValue(stub("analytes.json"), AnalyteDto[].class));
        assertEquals(
                List.of("1952-1", "1953-9"),
                analytes.stream().map(a -> RangesMapper.analyte(a).code()).toList());
        List<SourceDto> sources = List.of(mapper.treeToValue(stub("sources.json"), SourceDto[].class));
        assertEquals(3, sources.size());
        for (String file : List.of("timeline-1952-1.json", "timeline-1953-9.json")) {
            TimelineDto t = mapper.treeToValue(stub(file), TimelineDto.class);
            assertEquals(
                    t.revisions().size(),
                    RangesMapper.revisions(t.revisions(), t.analyte().code()).size(),
                    file);
        }
        LatestChangeDto latest = mapper.treeToValue(stub("changes-latest.json"), LatestChangeDto.class);
        assertEquals(4L, latest.latestSequence());
        assertEquals(
                mapper.treeToValue(stub("timeline-1952-1.json"), TimelineDto.class)
                        .changeRecordedAt(),
                latest.recordedAt(),
                "the timeline and the change marker name the same latest change");
    }
}
