package org.labrange.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.labrange.client.ApiClient;
import org.labrange.client.ApiException;
import org.labrange.client.ApiResponse;
import org.labrange.client.api.AnalytesApi;
import org.labrange.client.api.ChangesApi;
import org.labrange.client.api.InterpretationsApi;
import org.labrange.client.api.RangesApi;
import org.labrange.client.api.ReportsApi;
import org.labrange.client.api.SourcesApi;
import org.labrange.client.model.AnalyteOverview;
import org.labrange.client.model.AuditEntry;
import org.labrange.client.model.CompactInterpretationResponse;
import org.labrange.client.model.CompactResult;
import org.labrange.client.model.InterpretationRequest;
import org.labrange.client.model.InterpretationResponse;
import org.labrange.client.model.PatientInput;
import org.labrange.client.model.PatientSex;
import org.labrange.client.model.Problem;
import org.labrange.client.model.ProblemFieldError;
import org.labrange.client.model.RangeCategory;
import org.labrange.client.model.RangeDiff;
import org.labrange.client.model.RangeFieldChange;
import org.labrange.client.model.RangeHistory;
import org.labrange.client.model.RangeRevision;
import org.labrange.client.model.RangeSummary;
import org.labrange.client.model.RangeWrite;
import org.labrange.client.model.Report;
import org.labrange.client.model.ReportPatientInput;
import org.labrange.client.model.ReportRequest;
import org.labrange.client.model.ReportResult;
import org.labrange.client.model.ResultInput;
import org.labrange.client.model.ResultStatus;
import org.labrange.client.model.SingleInterpretationRequest;
import org.labrange.client.model.SingleInterpretationResponse;
import org.labrange.client.model.SourceInterpretation;
import org.labrange.client.model.SourceKind;
import org.labrange.client.model.SourceRanges;
import org.labrange.client.model.SourceWrite;
import org.labrange.e2e.support.Suite;

/**
 * The README tour and the main error answers through a Java client generated from the committed public API
 * document ({@code contracts/openapi/labrange-api.yaml}), with nothing but its API classes and models: if the
 * document and the gateway part ways, or the document cannot be typed, this test stops compiling or fails.
 *
 * <p>The tour's reads (steps 1 to 3) use the seeded ranges as the README does. Its writes (steps 4 to 7) revise a
 * copy of Labcorp's serum range in a source of this test's own, so that the seeded ranges other tests rely on keep
 * their single revision.
 */
@Order(2)
class GeneratedClientIT {

    private static final String B2M_SERUM = "1952-1";
    private static final UUID LABCORP_SERUM = UUID.fromString("1952e001-0000-4000-8000-000000000002");
    private static final String BEFORE_REVISION = "2026-11-20T08:00:00Z";
    private static final String AFTER_REVISION = "2026-11-24T08:00:00Z";

    private static Suite suite;
    private static ApiClient admin;
    private static ApiClient clinician;
    private static ApiClient reader;
    private static ApiClient anonymous;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        admin = client(Optional.of(suite.admin()));
        clinician = client(Optional.of(suite.interpreter()));
        reader = client(Optional.of(suite.reader()));
        anonymous = client(Optional.empty());
    }

    /** The generated client pointed at the suite's gateway, sending {@code token} as its bearer token. */
    private static ApiClient client(Optional<String> token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(suite.gatewayUrl());
        token.ifPresent(
                bearer -> client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + bearer)));
        return client;
    }

    @Test
    void theReadmeTourThroughTheGeneratedClient() throws ApiException {
        // 1. The B2M ranges of every source side by side, each with its last revision
        AnalyteOverview overview = new AnalytesApi(clinician)
                .getAnalyteOverview(B2M_SERUM, null, null, null, null, null, null, null, null);
        assertEquals(B2M_SERUM, overview.getAnalyte().getCode());
        RangeSummary labcorpSerum = overview.getSources().stream()
                .filter(source -> source.getSourceCode().equals("labcorp"))
                .map(SourceRanges::getRanges)
                .flatMap(List::stream)
                .filter(range -> range.getCurrent().getRangeId().equals(LABCORP_SERUM))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Labcorp's serum range is not in the overview"));
        assertEquals(
                0, new BigDecimal("0.6").compareTo(labcorpSerum.getCurrent().getLow()));
        assertEquals(
                0, new BigDecimal("2.4").compareTo(labcorpSerum.getCurrent().getHigh()));
        assertEquals(1, labcorpSerum.getLastRevision().getRevision());
        assertNotNull(labcorpSerum.getLastRevision().getReason());

        // 2. Serum 2.45 mg/L: normal by Quest, high by Labcorp and Mosby, each flag naming its range revision
        SingleInterpretationResponse serum = new InterpretationsApi(clinician)
                .interpretResult(
                        new SingleInterpretationRequest()
                                .patient(woman())
                                .result(b2m("serum", "serum", "2.45", "mg/L", BEFORE_REVISION)),
                        null);
        assertEquals(ResultStatus.INTERPRETED, serum.getStatus());
        assertEquals("N", verdict(serum.getInterpretations(), "quest").getFlag());
        assertEquals(
                "H", verdict(serum.getInterpretations(), "mosby-pagana-2022").getFlag());
        SourceInterpretation labcorp = verdict(serum.getInterpretations(), "labcorp");
        assertEquals("H", labcorp.getFlag());
        assertEquals(LABCORP_SERUM, labcorp.getRange().getRangeId());
        assertEquals(1, labcorp.getRange().getRevision());
        assertFalse(serum.getAgreement().getUnanimous());
        assertEquals("H", serum.getAgreement().getFlags().get("labcorp"));
        assertEquals(LocalDate.parse("2026-11-20"), serum.getCollectionDate());
        assertFalse(serum.getBasis().getRequested());
        assertNotNull(serum.getBasis().getKnownAt());

        // The writes of steps 4 to 7 go to a copy of Labcorp's serum range in a source of this test's own.
        String lab = newSource();
        RangeRevision copy = new RangesApi(admin)
                .createRange(
                        new RangeWrite()
                                .analyteCode(B2M_SERUM)
                                .sourceCode(lab)
                                .category(RangeCategory.REFERENCE)
                                .low(new BigDecimal("0.6"))
                                .high(new BigDecimal("2.4"))
                                .unit("mg/L")
                                .effectiveFrom(LocalDate.parse("2022-01-01"))
                                .reason("Copy of Labcorp's published serum range"),
                        null);
        UUID rangeId = copy.getRangeId();
        assertEquals(1, copy.getRevision());
        await("the new range is used for interpretations")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertTrue(
                        tourReport(Optional.empty()).getResults().get(0).getInterpretations().stream()
                                .anyMatch(verdict -> verdict.getSource().equals(lab)),
                        "the report has no flag by " + lab));

        // 3. Serum 1.5 mg/L and urine 2000 µg/L as one report: the tubular pattern, with provenance and basis
        Report report = tourReport(Optional.empty());
        assertTrue(report.getComplete());
        ReportResult serumInReport = result(report, "serum");
        ReportResult urineInReport = result(report, "urine");
        for (String source : List.of("quest", "labcorp", "mosby-pagana-2022", lab)) {
            assertEquals(
                    "N", verdict(serumInReport.getInterpretations(), source).getFlag(), source);
        }
        assertEquals(
                "H",
                verdict(urineInReport.getInterpretations(), "mosby-pagana-2022").getFlag());
        assertEquals(2.0, urineInReport.getValue().getNormalised(), 1e-9);
        assertEquals("mg/L", urineInReport.getValue().getUnit());
        assertTrue(report.getPatterns().stream()
                .anyMatch(pattern -> pattern.getId().equals("b2m-tubular-pattern")));
        assertFalse(report.getBasis().getRequested());
        assertEquals(report.getBasis(), report.getProvenance().getBasis());
        OffsetDateTime knownAtStep3 = report.getBasis().getKnownAt();
        assertEquals(1, history(serumInReport, lab).getLatestRevision());

        // 4. Revise the range as admin, If-Match = the ETag of the revision read
        ApiResponse<RangeRevision> labcorpRead = new RangesApi(admin).getRangeWithHttpInfo(LABCORP_SERUM, null);
        assertEquals(List.of("\"1\""), labcorpRead.getHeaders().get("ETag"));
        assertEquals(1, labcorpRead.getData().getRevision());
        ApiResponse<RangeRevision> read = new RangesApi(admin).getRangeWithHttpInfo(rangeId, null);
        String etag = read.getHeaders().get("ETag").get(0);
        assertEquals("\"1\"", etag);
        ApiResponse<RangeRevision> revised =
                new RangesApi(admin).reviseRangeWithHttpInfo(etag, rangeId, methodChange(), null);
        assertEquals(200, revised.getStatusCode());
        assertEquals(List.of("\"2\""), revised.getHeaders().get("ETag"));
        assertEquals(2, revised.getData().getRevision());
        assertEquals(rangeId, revised.getData().getRangeId());
        assertEquals(LocalDate.parse("2026-11-22"), revised.getData().getEffectiveFrom());
        assertEquals("e2e-admin", revised.getData().getRecordedBy());

        // 5. The result of 2026-11-20 keeps revision 1 (high); the one of 2026-11-24 uses revision 2 (normal)
        InterpretationRequest beforeAndAfter = new InterpretationRequest()
                .patient(new PatientInput().sex(PatientSex.FEMALE).age("P56Y"))
                .sources(List.of(lab))
                .results(List.of(
                        b2m("before", null, "2.45", "mg/L", BEFORE_REVISION),
                        b2m("after", null, "2.45", "mg/L", AFTER_REVISION)));
        await("revision 2 is used for results collected from 2026-11-22")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(
                        2,
                        full(beforeAndAfter)
                                .getResults()
                                .get(1)
                                .getInterpretations()
                                .get(0)
                                .getRange()
                                .getRevision()));
        InterpretationResponse full = full(beforeAndAfter);
        SourceInterpretation before =
                full.getResults().get(0).getInterpretations().get(0);
        SourceInterpretation after =
                full.getResults().get(1).getInterpretations().get(0);
        assertEquals("H", before.getFlag());
        assertEquals(1, before.getRange().getRevision());
        assertEquals("N", after.getFlag());
        assertEquals(2, after.getRange().getRevision());
        assertEquals(rangeId, after.getRange().getRangeId());
        assertEquals(2.6, after.getRange().getHigh(), 1e-9);
        // the compact view of the same request is the other type of the answer's oneOf
        CompactInterpretationResponse compact = assertInstanceOf(
                CompactInterpretationResponse.class,
                new InterpretationsApi(clinician)
                        .interpretBatch(beforeAndAfter, "compact", null)
                        .getActualInstance());
        CompactResult compactAfter = compact.getResults().get(1);
        assertEquals("after", compactAfter.getId());
        assertEquals("N", compactAfter.getInterpretations().get(0).getFlag());
        assertEquals(rangeId, compactAfter.getInterpretations().get(0).getRangeId());
        assertEquals(2, compactAfter.getInterpretations().get(0).getRevision());

        // 6. History, diff and audit trail
        List<RangeRevision> revisions = new RangesApi(admin).listRangeRevisions(rangeId, null);
        assertEquals(
                List.of(1, 2),
                revisions.stream().map(RangeRevision::getRevision).collect(Collectors.toList()));
        assertEquals(2, new RangesApi(admin).getRangeRevision(2, rangeId, null).getRevision());
        RangeDiff diff = new RangesApi(admin).diffRangeRevisions(1, 2, rangeId, null);
        assertEquals(1, diff.getFrom());
        assertEquals(2, diff.getTo());
        Map<String, RangeFieldChange> changes =
                diff.getChanges().stream().collect(Collectors.toMap(RangeFieldChange::getField, change -> change));
        assertEquals(
                0,
                new BigDecimal("2.6")
                        .compareTo(new BigDecimal(changes.get("high").getTo())));
        assertEquals(
                0,
                new BigDecimal("0.8")
                        .compareTo(new BigDecimal(changes.get("low").getTo())));
        List<AuditEntry> audit = new ChangesApi(admin).listAuditEntries("e2e-admin", null, null, null, null);
        assertTrue(
                audit.stream()
                        .anyMatch(entry -> entry.getSubjectId().equals(rangeId + "#2")
                                && entry.getAction().equals("RANGE_REVISE")
                                && entry.getReason().equals("Method change to turbidimetry")),
                "no audit entry for the revision: " + audit);

        // 7. Step 3's report made again with its basis.knownAt: the range's latest revision is still 1
        Report again = tourReport(Optional.of(knownAtStep3));
        assertTrue(again.getBasis().getRequested());
        assertEquals(knownAtStep3, again.getBasis().getKnownAt());
        assertEquals(report.getBasis().getChangeFeedPosition(), again.getBasis().getChangeFeedPosition());
        RangeHistory asKnown = history(result(again, "serum"), lab);
        assertEquals(1, asKnown.getRevisionUsed());
        assertEquals(1, asKnown.getLatestRevision());
        assertTrue(asKnown.getUsedRevisionIsLatest());
        assertEquals(1, asKnown.getRevisions().size());
        // without knownAt the same report lists revision 2 as well
        RangeHistory now = history(result(tourReport(Optional.empty()), "serum"), lab);
        assertEquals(1, now.getRevisionUsed());
        assertEquals(2, now.getLatestRevision());
        assertFalse(now.getUsedRevisionIsLatest());
        assertEquals(2, now.getRevisions().size());
    }

    @Test
    void anInvalidRequestIsA400ProblemNamingEachField() {
        InterpretationRequest empty =
                new InterpretationRequest().patient(woman()).results(List.of());
        Problem problem = problem(400, () -> new InterpretationsApi(clinician).interpretBatch(empty, null, null));
        assertEquals("results", problem.getErrors().get(0).getField());
        assertNotNull(problem.getErrors().get(0).getReason());
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        ApiException refused =
                assertThrows(ApiException.class, () -> new RangesApi(anonymous).getRange(LABCORP_SERUM, null));
        assertEquals(401, refused.getCode());
        assertTrue(
                refused.getResponseHeaders()
                        .firstValue("WWW-Authenticate")
                        .orElse("")
                        .startsWith("Bearer"),
                "no Bearer challenge: " + refused.getResponseHeaders().map());
        assertEquals(401, problemOf(refused).getStatus());
    }

    @Test
    void aReaderCannotReviseARange() throws ApiException {
        RangeRevision range = new RangesApi(reader).getRange(LABCORP_SERUM, null);
        Problem problem = problem(
                403,
                () -> new RangesApi(reader)
                        .reviseRange("\"" + range.getRevision() + "\"", LABCORP_SERUM, methodChange(), null));
        assertEquals(403, problem.getStatus());
    }

    @Test
    void anUnknownRangeIs404() {
        UUID unknown = UUID.fromString("00000000-0000-4000-8000-000000000404");
        Problem problem = problem(404, () -> new RangesApi(reader).getRange(unknown, null));
        assertNotNull(problem.getDetail());
    }

    @Test
    void aStaleIfMatchIs412WithTheRangeAsItIsNowAndAMissingOneIs428() throws ApiException {
        String lab = newSource();
        UUID rangeId = new RangesApi(admin)
                .createRange(
                        new RangeWrite()
                                .analyteCode(B2M_SERUM)
                                .sourceCode(lab)
                                .category(RangeCategory.REFERENCE)
                                .low(new BigDecimal("0.6"))
                                .high(new BigDecimal("2.4"))
                                .unit("mg/L")
                                .effectiveFrom(LocalDate.parse("2024-01-01"))
                                .reason("validation"),
                        null)
                .getRangeId();
        new RangesApi(admin).reviseRange("\"1\"", rangeId, methodChange(), null);

        Problem stale = problem(412, () -> new RangesApi(admin).reviseRange("\"1\"", rangeId, methodChange(), null));
        assertEquals(rangeId, stale.getCurrentRevision().getRangeId());
        assertEquals(2, stale.getCurrentRevision().getRevision());
        assertEquals(
                0, new BigDecimal("2.6").compareTo(stale.getCurrentRevision().getHigh()));

        // The document makes If-Match required, so the generated method will not send a request without it; an
        // empty value is how this client leaves it out.
        Problem missing = problem(428, () -> new RangesApi(admin).reviseRange("", rangeId, methodChange(), null));
        assertEquals(428, missing.getStatus());
        assertEquals(2, new RangesApi(admin).getRange(rangeId, null).getRevision());
    }

    @Test
    void anUnknownAnalyteOrUnitIs422() {
        Problem analyte = problem(
                422,
                () -> new InterpretationsApi(clinician)
                        .interpretResult(
                                new SingleInterpretationRequest()
                                        .patient(woman())
                                        .result(new ResultInput()
                                                .id("x")
                                                .analyte("NO-SUCH-ANALYTE")
                                                .value("2.45")
                                                .unit("mg/L")
                                                .collectedAt(BEFORE_REVISION)),
                                null));
        assertTrue(
                analyte.getErrors().stream()
                        .map(ProblemFieldError::getField)
                        .anyMatch(field -> field.endsWith("analyte")),
                "the problem does not name the analyte: " + analyte);
        Problem unit = problem(
                422,
                () -> new InterpretationsApi(clinician)
                        .interpretResult(
                                new SingleInterpretationRequest()
                                        .patient(woman())
                                        .result(b2m("s", "serum", "2.45", "mmHg", BEFORE_REVISION)),
                                null));
        assertTrue(
                unit.getErrors().stream().map(ProblemFieldError::getReason).anyMatch(reason -> reason.contains("mmHg")),
                "the problem does not name the unit: " + unit);
    }

    private static PatientInput woman() {
        return new PatientInput().sex(PatientSex.FEMALE).birthDate(LocalDate.parse("1970-05-01"));
    }

    private static ResultInput b2m(String id, String specimen, String value, String unit, String collectedAt) {
        return new ResultInput()
                .id(id)
                .analyte(specimen == null ? B2M_SERUM : "B2M")
                .specimen(specimen)
                .value(value)
                .unit(unit)
                .collectedAt(collectedAt);
    }

    private static RangeWrite methodChange() {
        return new RangeWrite()
                .low(new BigDecimal("0.8"))
                .high(new BigDecimal("2.6"))
                .unit("mg/L")
                .effectiveFrom(LocalDate.parse("2026-11-22"))
                .reason("Method change to turbidimetry");
    }

    /** The report of the tour's step 3, as known now or at {@code knownAt}. */
    private static Report tourReport(Optional<OffsetDateTime> knownAt) throws ApiException {
        ReportRequest request = new ReportRequest()
                .patient(new ReportPatientInput().sex(PatientSex.FEMALE).birthDate(LocalDate.parse("1970-05-01")))
                .results(List.of(
                        b2m("serum", "serum", "1.5", "mg/L", BEFORE_REVISION),
                        b2m("urine", "urine", "2000", "ug/L", BEFORE_REVISION)));
        knownAt.ifPresent(request::knownAt);
        return new ReportsApi(clinician).createReport(request, null);
    }

    private static InterpretationResponse full(InterpretationRequest request) throws ApiException {
        return new InterpretationsApi(clinician)
                .interpretBatch(request, null, null)
                .getInterpretationResponse();
    }

    private static String newSource() throws ApiException {
        String code = "client-" + UUID.randomUUID().toString().substring(0, 8);
        new SourcesApi(admin)
                .createSource(
                        new SourceWrite()
                                .code(code)
                                .name("Generated client lab")
                                .kind(SourceKind.LOCAL)
                                .citation("Validation report 2024")
                                .reason("new lab"),
                        null);
        return code;
    }

    private static SourceInterpretation verdict(List<SourceInterpretation> verdicts, String source) {
        return only(verdicts, verdict -> verdict.getSource().equals(source), "no flag by " + source);
    }

    private static ReportResult result(Report report, String id) {
        return only(report.getResults(), result -> result.getId().equals(id), "no result " + id);
    }

    private static RangeHistory history(ReportResult result, String source) {
        return only(result.getRanges(), history -> history.getSource().equals(source), "no history of " + source);
    }

    private static <T> T only(List<T> items, Predicate<T> wanted, String otherwise) {
        return items.stream().filter(wanted).findFirst().orElseThrow(() -> new AssertionError(otherwise));
    }

    /** The problem document of a call that must fail with {@code status}, read into the generated model. */
    private static Problem problem(int status, Executable call) {
        ApiException refused = assertThrows(ApiException.class, call);
        assertEquals(status, refused.getCode(), refused.getResponseBody());
        assertEquals(
                Optional.of("application/problem+json"),
                refused.getResponseHeaders().firstValue("Content-Type").map(type -> type.split(";")[0]));
        Problem problem = problemOf(refused);
        assertEquals(status, problem.getStatus());
        assertNotNull(problem.getType());
        assertNotNull(problem.getTitle());
        // the gateway names the request in its own problems; those it passes on from a service carry the header only
        Optional<String> requestId = refused.getResponseHeaders().firstValue("X-Request-Id");
        assertTrue(requestId.isPresent(), "no X-Request-Id");
        if (problem.getRequestId() != null) {
            assertEquals(requestId.get(), problem.getRequestId());
        }
        return problem;
    }

    private static Problem problemOf(ApiException refused) {
        try {
            return admin.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a problem document: " + refused.getResponseBody(), e);
        }
    }
}
