package org.labrange.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labrange.e2e.support.Suite;

/** The B2M scenarios from the seed document, through the gateway only. */
@Order(1)
class B2mScenariosIT {

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
    }

    static final String PATIENT = "\"patient\":{\"sex\":\"FEMALE\",\"birthDate\":\"1970-05-01\"}";

    static String result(String id, String specimen, String value, String unit) {
        return "{\"id\":\"" + id + "\",\"analyte\":\"B2M\",\"specimen\":\"" + specimen + "\",\"value\":\"" + value
                + "\",\"unit\":\"" + unit + "\",\"collectedAt\":\"2026-11-20T08:00:00Z\"}";
    }

    static ValidatableResponse interpret(String... results) {
        return given().baseUri(suite.gatewayUrl())
                .auth()
                .oauth2(suite.interpreter())
                .contentType("application/json")
                .body("{" + PATIENT + ",\"results\":[" + String.join(",", results) + "]}")
                .post("/api/v1/interpretations")
                .then();
    }

    @Test
    void serumAt245IsNormalForQuestButHighForLabcorpAndMosby() {
        interpret(result("s1", "serum", "2.45", "mg/L"))
                .statusCode(200)
                .body("results[0].status", equalTo("INTERPRETED"))
                .body("results[0].interpretations.find { it.source == 'quest' }.flag", equalTo("N"))
                .body("results[0].interpretations.find { it.source == 'labcorp' }.flag", equalTo("H"))
                .body("results[0].interpretations.find { it.source == 'mosby-pagana-2022' }.flag", equalTo("H"))
                .body(
                        "results[0].interpretations.find { it.source == 'labcorp' }.range.rangeId",
                        equalTo("1952e001-0000-4000-8000-000000000002"))
                .body("results[0].interpretations.find { it.source == 'labcorp' }.range.revision", equalTo(1))
                .body("results[0].agreement.unanimous", equalTo(false));
    }

    @Test
    void urineAt025IsNormalAndAt40IsHighWithTheToxicExcessHint() {
        interpret(result("u1", "urine", "0.25", "mg/L"))
                .statusCode(200)
                .body("results[0].interpretations.find { it.source == 'mosby-pagana-2022' }.flag", equalTo("N"))
                .body("results[0].associations.id", not(hasItem("b2m-urine-toxic-excess")));
        interpret(result("u2", "urine", "40", "mg/L"))
                .statusCode(200)
                .body("results[0].interpretations.find { it.source == 'mosby-pagana-2022' }.flag", equalTo("H"))
                .body("results[0].associations.id", hasItem("b2m-urine-elevated"))
                .body("results[0].associations.id", hasItem("b2m-urine-toxic-excess"));
    }

    @Test
    void highSerumWithNormalUrineIsTheGlomerularPattern() {
        interpret(result("s1", "serum", "3.1", "mg/L"), result("u1", "urine", "0.2", "mg/L"))
                .statusCode(200)
                .body("patterns.id", hasItem("b2m-glomerular-pattern"))
                .body("patterns.id", not(hasItem("b2m-tubular-pattern")));
    }

    @Test
    void normalSerumWithHighUrineIsTheTubularPattern() {
        interpret(result("s1", "serum", "1.5", "mg/L"), result("u1", "urine", "2.0", "mg/L"))
                .statusCode(200)
                .body("patterns.id", hasItem("b2m-tubular-pattern"))
                .body("patterns.id", not(hasItem("b2m-glomerular-pattern")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"2.45, mcg/mL", "2.45, ug/mL", "2450, µg/L", "207.5, nmol/L"})
    void unitsPeopleTypeAreConvertedToMilligramsPerLitre(String value, String unit) {
        interpret(result("s1", "serum", value, unit))
                .statusCode(200)
                .body("results[0].value.unit", equalTo("mg/L"))
                .body("results[0].value.normalised", closeTo(2.45, 0.01))
                .body("results[0].interpretations.find { it.source == 'labcorp' }.flag", equalTo("H"));
    }

    @Test
    void unconvertibleUnitIsRejectedByNameAndNeverGuessed() {
        interpret(result("s1", "serum", "2.45", "mmHg"), result("s2", "serum", "1.0", "mg/L"))
                .statusCode(200)
                .body("results[0].status", equalTo("REJECTED"))
                .body("results[0].problems[0].reason", org.hamcrest.Matchers.containsString("mmHg"))
                .body("results[0].interpretations", org.hamcrest.Matchers.empty())
                .body("results[1].status", equalTo("INTERPRETED"));
    }
}
