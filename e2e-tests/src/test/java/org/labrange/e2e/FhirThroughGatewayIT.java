package org.labrange.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.ObservationDefinition;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.labrange.e2e.support.Suite;
import org.labrange.gateway.fhir.FhirValidation;

/** A FHIR client (HAPI's generic client) against the gateway's /fhir/r4: the same engine, ranges and history. */
@Order(2)
class FhirThroughGatewayIT {

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final String RANGE_SOURCE = "https://labrange.dev/fhir/StructureDefinition/range-source";
    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        // the first interpretation of a cold suite on a busy machine can outlast HAPI's 10-s default
        FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
    }

    private static IGenericClient client(String token) {
        IGenericClient client = FHIR.newRestfulGenericClient(suite.gatewayUrl() + "/fhir/r4");
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        client.registerInterceptor(new EveryAnswerValidated());
        return client;
    }

    /** Validates every FHIR answer the client receives (errors included) against the R4 core profiles. */
    private static final class EveryAnswerValidated implements IClientInterceptor {
        @Override
        public void interceptRequest(IHttpRequest request) {}

        @Override
        public void interceptResponse(IHttpResponse response) throws IOException {
            String mime = response.getMimeType();
            if (mime == null || !mime.contains("fhir")) {
                return;
            }
            response.bufferEntity();
            try (InputStream body = response.readEntity()) {
                FhirValidation.assertValid(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    /** The README tour's serum and urine values: the same flags, ranges and revisions as the JSON API. */
    @Test
    void interpretGivesTheJsonApisFlagsRangesAndRevisions() {
        Parameters in = new Parameters();
        in.addParameter().setName("observation").setResource(observation("1952-1", "2.45", "mg/L"));
        in.addParameter().setName("observation").setResource(observation("1953-9", "2000", "ug/L"));
        in.addParameter()
                .setName("patient")
                .setResource(new Patient()
                        .setGender(Enumerations.AdministrativeGender.FEMALE)
                        .setBirthDateElement(new DateType("1970-05-01")));
        // a cold suite on a busy machine may answer the first interpretation with 503 (upstream timeout)
        Parameters out = await("first FHIR interpretation")
                .atMost(Duration.ofMinutes(3))
                .ignoreExceptions()
                .until(
                        () -> client(suite.interpreter())
                                .operation()
                                .onType(Observation.class)
                                .named("$interpret")
                                .withParameters(in)
                                .execute(),
                        answer -> answer != null);

        JsonPath json = suite.request(suite.interpreter())
                .body("""
                        {"patient":{"sex":"FEMALE","birthDate":"1970-05-01"},"results":[
                         {"id":"serum","analyte":"1952-1","value":"2.45","unit":"mg/L","collectedAt":"2026-11-20T08:00:00Z"},
                         {"id":"urine","analyte":"1953-9","value":"2000","unit":"ug/L","collectedAt":"2026-11-20T08:00:00Z"}]}""")
                .post("/api/v1/interpretations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        List<Observation> observations = out.getParameter().stream()
                .filter(p -> p.getName().equals("observation"))
                .map(p -> (Observation) p.getResource())
                .toList();
        assertEquals(2, observations.size());
        for (int i = 0; i < 2; i++) {
            Observation observation = observations.get(i);
            List<Map<String, Object>> expected = json.getList("results[" + i + "].interpretations");
            assertTrue(!expected.isEmpty(), "the JSON API interprets result " + i);
            assertEquals(expected.size(), observation.getReferenceRange().size());
            Map<String, String> fhirBySource = new HashMap<>();
            for (var range : observation.getReferenceRange()) {
                Extension used = range.getExtensionByUrl(RANGE_SOURCE);
                String source = used.getExtensionByUrl("source").getValue().primitiveValue();
                fhirBySource.put(
                        source,
                        ((Coding) used.getExtensionByUrl("flag").getValue()).getCode() + " "
                                + used.getExtensionByUrl("rangeId").getValue().primitiveValue() + " r"
                                + used.getExtensionByUrl("revision").getValue().primitiveValue());
            }
            Map<String, String> jsonBySource = new HashMap<>();
            for (Map<String, Object> interpretation : expected) {
                @SuppressWarnings("unchecked")
                Map<String, Object> range = (Map<String, Object>) interpretation.get("range");
                @SuppressWarnings("unchecked")
                Map<String, Object> critical = (Map<String, Object>) interpretation.get("critical");
                Object flag = critical != null && critical.get("flag") != null
                        ? critical.get("flag")
                        : interpretation.get("flag");
                jsonBySource.put(
                        (String) interpretation.get("source"),
                        flag + " " + range.get("rangeId") + " r" + range.get("revision"));
            }
            assertEquals(jsonBySource, fhirBySource, "result " + i);
        }
        // serum: the bounds are the JSON API's, in the Observation's unit (mg/L)
        Observation serum = observations.get(0);
        List<Map<String, Object>> serumRanges = json.getList("results[0].interpretations");
        for (int i = 0; i < serumRanges.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> range = (Map<String, Object>) serumRanges.get(i).get("range");
            var fhirRange = serum.getReferenceRange().get(i);
            if (range.get("high") != null) {
                assertEquals(
                        new BigDecimal(range.get("high").toString()).stripTrailingZeros(),
                        fhirRange.getHigh().getValue().stripTrailingZeros());
            }
        }
        assertTrue(serum.hasInterpretation());
    }

    /** An admin's new revision shows in the ObservationDefinition search and in its _history. */
    @Test
    void observationDefinitionSearchAndHistoryShowTheRevisionAnAdminJustMade() {
        String source = "fhir-" + UUID.randomUUID().toString().substring(0, 8);
        suite.request(suite.admin())
                .body("{\"code\":\"" + source + "\",\"name\":\"FHIR lab\",\"kind\":\"LOCAL\","
                        + "\"citation\":\"Validation report 2024\",\"reason\":\"new lab\"}")
                .post("/api/v1/sources")
                .then()
                .statusCode(201);
        String rangeId = suite.request(suite.admin())
                .body(
                        "{\"analyteCode\":\"1952-1\",\"sourceCode\":\"" + source + "\",\"category\":\"REFERENCE\","
                                + "\"low\":0.6,\"high\":2.4,\"unit\":\"mg/L\",\"effectiveFrom\":\"2024-01-01\",\"reason\":\"validation\"}")
                .post("/api/v1/ranges")
                .then()
                .statusCode(201)
                .extract()
                .path("rangeId");
        suite.request(suite.admin())
                .header("If-Match", "\"1\"")
                .body(
                        "{\"low\":0.8,\"high\":2.6,\"unit\":\"mg/L\",\"effectiveFrom\":\"2025-06-01\",\"reason\":\"new method\"}")
                .put("/api/v1/ranges/" + rangeId)
                .then()
                .statusCode(200);
        JsonPath revisions = suite.request(suite.reader())
                .get("/api/v1/ranges/" + rangeId + "/revisions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String newest = revisions.getString("[1].sequence");
        String first = revisions.getString("[0].sequence");

        IGenericClient reader = client(suite.reader());
        String id = "1952-1." + source;
        await("the new source's definition is found")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    Bundle found = reader.search()
                            .forResource(ObservationDefinition.class)
                            .where(new TokenClientParam("code").exactly().systemAndCode("http://loinc.org", "1952-1"))
                            .returnBundle(Bundle.class)
                            .execute();
                    ObservationDefinition definition = found.getEntry().stream()
                            .map(e -> (ObservationDefinition) e.getResource())
                            .filter(d -> d.getIdElement().getIdPart().equals(id))
                            .findFirst()
                            .orElseThrow();
                    assertEquals(newest, definition.getMeta().getVersionId());
                    assertEquals(2, definition.getQualifiedInterval().size());
                });

        Bundle history = reader.history()
                .onInstance(new IdType("ObservationDefinition", id))
                .returnBundle(Bundle.class)
                .execute();
        assertEquals(
                List.of(newest, first),
                history.getEntry().stream()
                        .map(e -> e.getResource().getMeta().getVersionId())
                        .toList());
        ObservationDefinition before = reader.read()
                .resource(ObservationDefinition.class)
                .withIdAndVersion(id, first)
                .execute();
        assertEquals(1, before.getQualifiedInterval().size());
        assertEquals(
                new BigDecimal("2.4"),
                before.getQualifiedIntervalFirstRep().getRange().getHigh().getValue());
    }

    private static Observation observation(String loinc, String value, String unit) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept(new Coding("http://loinc.org", loinc, null)));
        observation.setEffective(new DateTimeType("2026-11-20T08:00:00Z"));
        observation.setValue(new Quantity()
                .setValue(new BigDecimal(value))
                .setUnit(unit)
                .setSystem("http://unitsofmeasure.org")
                .setCode(unit));
        return observation;
    }
}
