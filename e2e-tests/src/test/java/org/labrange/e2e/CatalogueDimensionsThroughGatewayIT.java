package org.labrange.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.labrange.e2e.support.Suite;

/**
 * A lab loads analytes of other dimensions than B2M's through the gateway, with no code change and no migration,
 * and interprets results in convertible units, in incommensurable ones, and as known before an analyte revision.
 * Every analyte, source and range here is test data (their names and reasons say so): the bounds are round numbers
 * chosen for the arithmetic, not reference values.
 */
@Order(2)
class CatalogueDimensionsThroughGatewayIT {

    private static final String TEST_DATA = "test data for the end-to-end suite, not a clinical reference value";

    private static Suite suite;
    private static String run;
    private static String source;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        run = UUID.randomUUID().toString().substring(0, 8);
        source = "e2e-dims-" + run;
        suite.request(suite.admin())
                .body("{\"code\":\"" + source + "\",\"name\":\"Test data laboratory\",\"kind\":\"LOCAL\","
                        + "\"citation\":\"" + TEST_DATA + "\",\"reason\":\"" + TEST_DATA + "\"}")
                .post("/api/v1/sources")
                .then()
                .statusCode(201);
    }

    private static String analyte(String prefix, String specimen, String unit, String molarMass) {
        String code = prefix + "-" + run;
        suite.request(suite.admin())
                .body("{\"code\":\"" + code + "\",\"displayName\":\"Test data: " + prefix + "\",\"aliases\":[],"
                        + "\"specimen\":\"" + specimen + "\",\"unit\":\"" + unit + "\","
                        + (molarMass == null ? "" : "\"molarMassGramsPerMole\":" + molarMass + ",")
                        + "\"displayPrecision\":1,\"reason\":\"" + TEST_DATA + "\"}")
                .post("/api/v1/analytes")
                .then()
                .statusCode(201);
        return code;
    }

    private static void range(String analyte, double low, double high, String unit) {
        suite.request(suite.admin())
                .body("{\"analyteCode\":\"" + analyte + "\",\"sourceCode\":\"" + source
                        + "\",\"category\":\"REFERENCE\","
                        + "\"low\":" + low + ",\"high\":" + high + ",\"unit\":\"" + unit + "\","
                        + "\"effectiveFrom\":\"2024-01-01\",\"note\":\"" + TEST_DATA + "\",\"reason\":\"" + TEST_DATA
                        + "\"}")
                .post("/api/v1/ranges")
                .then()
                .statusCode(201);
    }

    private static ValidatableResponse interpret(String analyte, String value, String unit, String knownAt) {
        return suite.request(suite.interpreter())
                .body("{\"patient\":{\"sex\":\"FEMALE\",\"age\":\"P45Y\"},\"sources\":[\"" + source + "\"],"
                        + (knownAt == null ? "" : "\"knownAt\":\"" + knownAt + "\",")
                        + "\"result\":{\"id\":\"r1\",\"analyte\":\"" + analyte + "\",\"value\":\"" + value
                        + "\",\"unit\":\"" + unit + "\",\"collectedAt\":\"2026-11-20T08:00:00Z\"}}")
                .post("/api/v1/interpretations/single")
                .then();
    }

    @Test
    void aCatalyticActivityInUnitsPerLitreIsFlaggedFromMicrokatalsPerLitre() {
        String enzyme = analyte("e2e-enzyme", "SERUM", "U/L", null);
        range(enzyme, 10, 40, "U/L");
        // 1 ukat/L is 60 U/L
        interpret(enzyme, "0.5", "ukat/L", null)
                .statusCode(200)
                .body("interpretations[0].flag", equalTo("N"))
                .body("value.normalised", closeTo(30.0, 1e-9))
                .body("associationsOnFile", equalTo(false))
                .body("associationsNote", containsString("No associations on file"));
        interpret(enzyme, "1", "ukat/L", null).statusCode(200).body("interpretations[0].flag", equalTo("H"));
        // one range for everyone: nobody is left without a range, nobody matches two
        suite.request(suite.reader())
                .get("/api/v1/analytes/" + enzyme + "/coverage")
                .then()
                .statusCode(200)
                .body("groups[0].sourceCode", equalTo(source))
                .body("groups[0].gaps.size()", equalTo(0))
                .body("groups[0].overlaps.size()", equalTo(0));
    }

    @Test
    void aNumberConcentrationIsFlaggedFromAnotherSpellingAndAnIncommensurableUnitIsRefusedNamingBoth() {
        String cells = analyte("e2e-cells", "BLOOD", "10*9/L", null);
        range(cells, 4, 11, "10*9/L");
        interpret(cells, "12.5", "10*3/uL", null)
                .statusCode(200)
                .body("interpretations[0].flag", equalTo("H"))
                .body("value.normalised", closeTo(12.5, 1e-9));
        interpret(cells, "5", "mmol/L", null)
                .statusCode(422)
                .body(containsString("substance (molar) concentration"))
                .body(containsString("number concentration"));
    }

    @Test
    void aSubstanceConcentrationIsReadInMassUnitsThroughItsMolarMassAsKnownWhenTheResultWasInterpreted() {
        // creatinine-like molar mass (113.12 g/mol): 1 mg/dL is 88.4 umol/L
        String substance = analyte("e2e-substance", "SERUM", "umol/L", "113.12");
        range(substance, 45, 90, "umol/L");
        interpret(substance, "1.2", "mg/dL", null)
                .statusCode(200)
                .body("interpretations[0].flag", equalTo("H"))
                .body("value.normalised", closeTo(106.08, 0.01))
                .body("value.viaMolarMass", equalTo(true));
        interpret(substance, "70", "umol/L", null).statusCode(200).body("interpretations[0].flag", equalTo("N"));
        String before = suite.request(suite.reader())
                .get("/api/v1/changes/latest")
                .then()
                .statusCode(200)
                .extract()
                .path("recordedAt");

        // a correction of the molar mass (test data: doubled) changes how mg/dL is read from now on
        suite.request(suite.admin())
                .header("If-Match", "\"1\"")
                .body("{\"displayName\":\"Test data: e2e-substance\",\"aliases\":[],\"specimen\":\"SERUM\","
                        + "\"unit\":\"umol/L\",\"molarMassGramsPerMole\":226.24,\"displayPrecision\":1,"
                        + "\"reason\":\"" + TEST_DATA + ": molar mass corrected\"}")
                .put("/api/v1/analytes/" + substance)
                .then()
                .statusCode(200);
        // interpretation-service sees the change within its change-check interval
        await("the corrected molar mass in use")
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> interpret(substance, "1.2", "mg/dL", null)
                        .statusCode(200)
                        .body("interpretations[0].flag", equalTo("N"))
                        .body("value.normalised", closeTo(53.04, 0.01)));
        // the answer given before the correction is reproduced as known then
        interpret(substance, "1.2", "mg/dL", before)
                .statusCode(200)
                .body("interpretations[0].flag", equalTo("H"))
                .body("value.normalised", closeTo(106.08, 0.01));
    }
}
