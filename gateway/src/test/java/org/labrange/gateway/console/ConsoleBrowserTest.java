package org.labrange.gateway.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.ConsoleFixtures;
import org.labrange.gateway.IdentityProviderStub;
import org.labrange.gateway.TestKeys;
import org.labrange.gateway.UpstreamStubs;
import org.labrange.gateway.UpstreamStubs.InterpretationStub;
import org.labrange.gateway.UpstreamStubs.RangesStub;

/**
 * The admin console in a real browser (Debian's chromium through Playwright): signing in on the identity provider's
 * page, then each task a lab admin does, with axe-core run on every page shown. reference-ranges-service and
 * interpretation-service are WireMock stubs; the range under edit answers like the real service (see
 * {@link ConsoleFixtures}). Screenshots land in target/console-screenshots.
 */
@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
@QuarkusTestResource(value = IdentityProviderStub.class, restrictToAnnotatedClass = true)
class ConsoleBrowserTest {

    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;
    private static String axe;

    @RangesStub
    WireMockServer ranges;

    @InterpretationStub
    WireMockServer interpretation;

    @TestHTTPResource("/")
    URL root;

    private final List<String> accessibility = new ArrayList<>();
    private final List<String> policyViolations = new ArrayList<>();
    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void startBrowser() throws Exception {
        Path script = Path.of("target", "axe", "node_modules", "axe-core", "axe.min.js");
        assertTrue(Files.exists(script), "axe-core is fetched by the build (npm) into " + script);
        axe = Files.readString(script, StandardCharsets.UTF_8);
        playwright = Browser.playwright();
        browser = Browser.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void stubs() {
        ranges.resetAll();
        interpretation.resetAll();
        ConsoleFixtures.b2mCatalogue(ranges);
        ConsoleFixtures.labcorpAcceptsRevisions(ranges);
        ConsoleFixtures.b2mAcceptsRevisions(ranges);
    }

    @AfterEach
    void everyPageWasAccessibleAndWithinItsPolicy() {
        contexts.forEach(BrowserContext::close);
        assertEquals(List.of(), accessibility, "serious or critical axe-core violations");
        assertEquals(List.of(), policyViolations, "Content-Security-Policy violations");
    }

    @Test
    void adminRevisesARangeAndSeesTheNewRevisionInTheHistoryAndTheChart() {
        Page page = signIn("admin");
        check(page, "catalogue");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Beta-2 microglobulin [mass/volume] in serum or plasma"))
                .click();
        assertTrue(page.locator("svg.chart").isVisible());
        check(page, "analyte");

        page.navigate(url("console/range?id=" + ConsoleFixtures.LABCORP_SERUM));
        check(page, "range");
        page.getByText("Edit range").click();
        check(page, "edit");
        page.getByLabel("Low", new Page.GetByLabelOptions().setExact(true)).fill("0.8");
        page.getByLabel("High", new Page.GetByLabelOptions().setExact(true)).fill("2.5");
        page.getByLabel("Effective from").fill("2026-11-22");
        page.getByLabel("Reason (required, kept in the audit log)").fill("Method change to turbidimetry");
        page.getByText("Save new revision").click();

        assertTrue(page.locator("[role=status]").textContent().contains("Saved as revision 2"));
        String history = page.locator("table").first().textContent();
        assertTrue(history.contains("Method change 2"), history);
        assertTrue(history.contains("0.8–2.5 mg/L"), history);
        check(page, "range-revised");
        ranges.verify(putRequestedFor(urlEqualTo("/api/v1/ranges/" + ConsoleFixtures.LABCORP_SERUM))
                .withHeader("If-Match", com.github.tomakehurst.wiremock.client.WireMock.equalTo("\"1\""))
                .withHeader("Authorization", matching("Bearer ey.+"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"low\":0.8,\"lowInclusive\":true,\"high\":2.5,\"highInclusive\":true,\"unit\":\"mg/L\","
                                + "\"population\":{\"sex\":\"ANY\",\"ageMin\":null,\"ageMax\":null,"
                                + "\"ageUnit\":\"YEARS\",\"condition\":null,\"method\":null},"
                                + "\"effectiveFrom\":\"2026-11-22\",\"reason\":\"Method change to turbidimetry\"}")));

        page.navigate(url("console/diff?id=" + ConsoleFixtures.LABCORP_SERUM + "&from=1&to=2"));
        assertTrue(page.locator("table").textContent().contains("2026-11-22"));
        check(page, "diff");
        page.navigate(url("console/analyte?code=1952-1"));
        assertTrue(page.locator("svg.chart").innerHTML().contains("revision 2"), "the chart draws revision 2");
        page.setViewportSize(960, 620);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("readme-analyte.png")));
    }

    @Test
    void aStaleEditShowsWhatChangedAndIsReappliedOnTopOfTheLatestRevision() {
        BrowserContext session = newSession("admin");
        Page first = session.newPage();
        Page second = session.newPage();
        first.navigate(url("console/edit?id=" + ConsoleFixtures.LABCORP_SERUM));
        second.navigate(url("console/edit?id=" + ConsoleFixtures.LABCORP_SERUM));

        fillAndSave(first, "2.6", "First tab");
        assertTrue(first.locator("[role=status]").textContent().contains("Saved as revision 2"));

        fillAndSave(second, "2.7", "Second tab");
        assertTrue(second.locator("h1").textContent().contains("changed this range"));
        String changes = second.locator("table").textContent();
        assertTrue(changes.contains("2026-11-22"), changes);
        check(second, "conflict");
        second.setViewportSize(960, 620);
        second.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("readme-conflict.png")));
        assertEquals(
                "2.7",
                second.getByLabel("High", new Page.GetByLabelOptions().setExact(true))
                        .inputValue());
        second.getByText("Re-apply my change on top of revision 2").click();
        assertTrue(second.locator("[role=status]").textContent().contains("Saved as revision 3"));
    }

    @Test
    void readerSeesNoWriteControlsAndAForcedPostIsRefusedWithA403Page() {
        Page page = signIn("reader");
        page.navigate(url("console/range?id=" + ConsoleFixtures.LABCORP_SERUM));
        assertEquals(0, page.getByText("Edit range").count());
        assertEquals(0, page.getByText("Retire range").count());
        assertEquals(0, page.locator("nav").getByText("Import").count());
        check(page, "range-reader");

        String csrf = page.context().cookies().stream()
                .filter(c -> c.name.equals("labrange-console-csrf"))
                .findFirst()
                .orElseThrow()
                .value;
        var answer = page.request()
                .post(
                        url("console/edit"),
                        RequestOptions.create()
                                .setForm(FormData.create()
                                        .set("csrf", csrf)
                                        .set("id", ConsoleFixtures.LABCORP_SERUM)
                                        .set("base", "1")
                                        .set("high", "9")
                                        .set("unit", "mg/L")
                                        .set("effectiveFrom", "2026-12-01")
                                        .set("reason", "not mine to change")));
        assertEquals(403, answer.status());
        assertTrue(answer.text().contains("Not allowed"));
        assertEquals(
                0,
                ranges.findAll(putRequestedFor(urlPathEqualTo("/api/v1/ranges/" + ConsoleFixtures.LABCORP_SERUM)))
                        .size());
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        Page page = signIn("admin");
        var answer = page.request()
                .post(
                        url("console/edit"),
                        RequestOptions.create()
                                .setForm(FormData.create()
                                        .set("id", ConsoleFixtures.LABCORP_SERUM)
                                        .set("base", "1")));
        assertEquals(400, answer.status());
        assertEquals(
                0,
                ranges.findAll(putRequestedFor(urlPathEqualTo("/api/v1/ranges/" + ConsoleFixtures.LABCORP_SERUM)))
                        .size());
    }

    @Test
    void playgroundFlagsAreTheFlagsTheApiAnswersForTheTourValues() {
        interpretation.stubFor(post(urlPathEqualTo("/api/v1/interpretations/single"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(serumAnswer())));
        Page page = signIn("admin");
        page.navigate(url("console/playground"));
        check(page, "playground-form");
        page.getByLabel("Value").fill("2.45");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Interpret"))
                .click();
        Map<String, String> shown = new LinkedHashMap<>();
        for (var row : page.locator("#flags tbody tr").all()) {
            shown.put(
                    row.getAttribute("data-source"), row.locator("[data-flag]").getAttribute("data-flag"));
        }
        check(page, "playground");

        JsonPath api = given().header("Authorization", "Bearer " + TestKeys.token("clinician", "interpreter"))
                .contentType("application/json")
                .body("{\"patient\":{\"sex\":\"FEMALE\",\"birthDate\":\"1970-05-01\"},\"result\":{\"id\":\"serum\","
                        + "\"analyte\":\"B2M\",\"specimen\":\"serum\",\"value\":\"2.45\",\"unit\":\"mg/L\","
                        + "\"collectedAt\":\"2026-11-20T08:00:00Z\"}}")
                .post(url("api/v1/interpretations/single"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, String> expected = new LinkedHashMap<>();
        List<Map<String, Object>> interpretations = api.getList("interpretations");
        interpretations.forEach(i -> expected.put((String) i.get("source"), (String) i.get("flag")));
        assertEquals(expected, shown);
        assertEquals(Map.of("labcorp", "H", "mosby-pagana-2022", "H", "quest", "N"), Map.copyOf(shown));
        interpretation.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        urlPathEqualTo("/api/v1/interpretations/single"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"patient\":{\"sex\":\"FEMALE\",\"birthDate\":\"1970-05-01\"},\"result\":{\"id\":"
                                + "\"playground\",\"analyte\":\"B2M\",\"specimen\":\"serum\",\"value\":\"2.45\","
                                + "\"unit\":\"mg/L\",\"collectedAt\":\"2026-11-20T08:00:00Z\"}}")));
    }

    @Test
    void importWithAMistakeNamesItsLineAndTheFixedFileIsAppliedAsPreviewed() {
        ConsoleFixtures.importPreviewsAndApplies(ranges);
        Page page = signIn("admin");
        page.navigate(url("console/import"));
        check(page, "import");
        String header = "analyteCode,sourceCode,category,low,lowInclusive,high,highInclusive,unit,sex\n";
        upload(
                page,
                header + "1952-1,quest,REFERENCE,,true,2.51,true,mg/L,ANY\n"
                        + "1952-1,labcorp,REFERENCE,not-a-number,true,2.6,true,mg/L,ANY\n");
        String alert = page.locator("[role=alert]").textContent();
        assertTrue(alert.contains("line 3: low is not a number"), alert);
        check(page, "import-error");

        upload(
                page,
                header + "1952-1,quest,REFERENCE,,true,2.51,true,mg/L,ANY\n"
                        + "1952-1,labcorp,REFERENCE,0.8,true,2.6,true,mg/L,ANY\n");
        assertTrue(
                page.locator("main").textContent().contains("revise 1"),
                page.locator("main").textContent());
        check(page, "import-preview");
        page.getByText("Apply exactly this").click();
        assertTrue(page.locator("h1").textContent().contains("Import applied"));
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(ConsoleFixtures.LABCORP_SERUM))
                .click();
        assertTrue(page.locator("h2").first().textContent().contains("History"));
        ranges.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        urlEqualTo("/api/v1/ranges/import?dryRun=false&reason=Annual+review&effectiveFrom=2027-01-01"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("0.8,true,2.6")));
    }

    @Test
    void aCatalogueFileIsPreviewedWithItsCoverageAndAppliedOnThePreviewedVersion() {
        ConsoleFixtures.catalogueImportPreviewsAndApplies(ranges);
        Page page = signIn("admin");
        String catalogue = "{\"analytes\":[{\"code\":\"TEST-CYSC\",\"name\":\"Cystatin C (test)\","
                + "\"specimen\":\"SERUM_PLASMA\",\"canonicalUnit\":\"mg/L\"}],"
                + "\"sources\":[{\"code\":\"test-lab\",\"name\":\"Test lab\"}],"
                + "\"ranges\":[{\"analyteCode\":\"TEST-CYSC\",\"sourceCode\":\"test-lab\",\"category\":\"REFERENCE\","
                + "\"low\":0.6,\"high\":1.0,\"unit\":\"mg/L\",\"population\":{\"sex\":\"ANY\",\"minAge\":18,"
                + "\"ageUnit\":\"YEARS\"}}]}";
        uploadFile(page, "catalogue.json", "application/json", catalogue);

        String main = page.locator("main").textContent();
        assertTrue(main.contains("This file is a catalogue"), main);
        // nothing exists yet, so the new analyte is not a link to a page that is not there
        assertTrue(page.locator("table[aria-labelledby=analytes-outcome]")
                .textContent()
                .contains("TEST-CYSC (new)"));
        assertEquals(
                0, page.locator("a[href='/console/analyte?code=TEST-CYSC']").count());
        assertTrue(page.locator("table[aria-labelledby=sources-outcome]")
                .textContent()
                .contains("test-lab"));
        assertTrue(
                page.locator("[aria-labelledby=coverage-warnings]")
                        .textContent()
                        .contains("no range for patients from 0 days to 18 years"),
                main);
        check(page, "import-catalogue-preview");
        page.getByText("Apply exactly this").click();
        assertTrue(page.locator("h1").textContent().contains("Import applied"));
        assertEquals(
                1, page.locator("a[href='/console/analyte?code=TEST-CYSC']").count());
        check(page, "import-catalogue-done");
        // the reason and date of the page, on the version the preview showed
        ranges.verify(postRequestedFor(urlPathEqualTo("/api/v1/catalogue/import"))
                .withQueryParam("dryRun", equalTo("false"))
                .withHeader("If-Match", equalTo("\"" + ConsoleFixtures.CATALOGUE_VERSION + "\""))
                .withRequestBody(matchingJsonPath("$.reason", equalTo("Annual review")))
                .withRequestBody(matchingJsonPath("$.effectiveFrom", equalTo("2027-01-01")))
                .withRequestBody(matchingJsonPath("$.analytes[0].code", equalTo("TEST-CYSC"))));
        assertEquals(
                0,
                ranges.findAll(postRequestedFor(urlPathEqualTo("/api/v1/ranges/import")))
                        .size(),
                "a catalogue never goes to the range import");
    }

    @Test
    void aCatalogueChangedSincePreviewIsNotWrittenAndThePreviewIsShownAgain() {
        ConsoleFixtures.catalogueImportPreviewsAndApplies(ranges);
        Page page = signIn("admin");
        uploadFile(page, "catalogue.csv", "text/csv", "kind,code,name\nsource,test-lab,Test lab\n");
        assertTrue(page.locator("main").textContent().contains("This file is a catalogue"));
        assertEquals(
                ConsoleFixtures.CATALOGUE_VERSION,
                page.locator("input[name=preview]").getAttribute("value"));
        ConsoleFixtures.catalogueChangesMeanwhile(ranges);
        page.getByText("Apply exactly this").click();

        String alert = page.locator("[role=alert]").textContent();
        assertTrue(alert.contains("The catalogue changed since your preview, so nothing was written"), alert);
        assertTrue(page.locator("h1").textContent().contains("Import preview"));
        ranges.verify(postRequestedFor(urlPathEqualTo("/api/v1/catalogue/import"))
                .withQueryParam("dryRun", equalTo("false"))
                .withQueryParam("reason", equalTo("Annual review"))
                .withHeader("Content-Type", containing("text/csv")));
    }

    @Test
    void auditLogIsFilteredByWhoWhenAndWhat() {
        Page page = signIn("admin");
        page.navigate(url("console/audit?what=seed"));
        assertTrue(page.locator("tbody").textContent().contains("Initial load of published B2M ranges"));
        check(page, "audit");
        page.navigate(url("console/audit?what=nothing-like-this"));
        assertTrue(page.locator("main").textContent().contains("No entry matches"));
    }

    @Test
    void adminCreatesAnAnalyteAndAFieldTheServiceRefusesIsNamedNextToIt() {
        Page page = signIn("admin");
        page.getByText("New analyte").click();
        check(page, "analyte-new");
        exact(page, "Code").fill("2345-7");
        exact(page, "LOINC code (optional)").fill("2345-6");
        exact(page, "Display name").fill("Glucose [Mass/volume] in Serum or Plasma");
        exact(page, "Aliases (one a line)").fill("glucose\n  \nblood sugar");
        exact(page, "Specimen").selectOption("SERUM_PLASMA");
        exact(page, "Canonical unit (UCUM)").fill("mg/dL");
        exact(page, "Molar mass in g/mol (optional)").fill("180.16");
        exact(page, "Reason (required, kept in the audit log)").fill("Added to the lab's catalogue");
        page.getByText("Create analyte").click();

        assertEquals(
                "Refused: check digit should be 7, not 6",
                page.locator("#loinc-error").textContent());
        assertEquals("loinc-error", exact(page, "LOINC code (optional)").getAttribute("aria-describedby"));
        assertEquals("2345-7", exact(page, "Code").inputValue(), "what the user typed is kept");
        check(page, "analyte-new-refused");

        exact(page, "LOINC code (optional)").fill("2345-7");
        page.getByText("Create analyte").click();
        assertTrue(page.locator("[role=status]").textContent().contains("Saved as revision 1"));
        assertTrue(page.locator("h1").textContent().contains("Glucose"));
        ranges.verify(postRequestedFor(urlEqualTo("/api/v1/analytes"))
                .withHeader("Authorization", matching("Bearer ey.+"))
                .withRequestBody(equalToJson("{\"code\":\"2345-7\",\"loinc\":\"2345-7\","
                        + "\"displayName\":\"Glucose [Mass/volume] in Serum or Plasma\","
                        + "\"aliases\":[\"glucose\",\"blood sugar\"],\"specimen\":\"SERUM_PLASMA\","
                        + "\"unit\":\"mg/dL\",\"molarMassGramsPerMole\":180.16,\"displayPrecision\":null,"
                        + "\"analyticalCvPercent\":null,\"withinSubjectCvPercent\":null,\"cvCitation\":null,"
                        + "\"reason\":\"Added to the lab's catalogue\"}")));
    }

    @Test
    void adminRevisesAnAnalyteWithIfMatchOfTheRevisionShown() {
        Page page = signIn("admin");
        page.navigate(url("console/analyte?code=1952-1"));
        page.getByText("Revise analyte").click();
        check(page, "analyte-edit");
        assertEquals("SERUM_PLASMA", exact(page, "Specimen").inputValue());
        exact(page, "Decimals shown (0 to 6, optional)").fill("2");
        exact(page, "Reason (required, kept in the audit log)").fill("Two decimals");
        page.getByText("Save new revision").click();

        assertTrue(page.locator("[role=status]").textContent().contains("Saved as revision 2"));
        ranges.verify(putRequestedFor(urlEqualTo("/api/v1/analytes/1952-1"))
                .withHeader("If-Match", equalTo("\"1\""))
                .withRequestBody(matchingJsonPath("$.displayPrecision", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.reason", equalTo("Two decimals")))
                .withRequestBody(matchingJsonPath("$.molarMassGramsPerMole", equalTo("11800")))
                .withRequestBody(matchingJsonPath("$.aliases.length()", equalTo("8")))
                .withRequestBody(notContaining("\"code\"")));
    }

    @Test
    void aStaleAnalyteReviseShowsWhatChangedAndIsReappliedOnTopOfTheLatestRevision() {
        BrowserContext session = newSession("admin");
        Page first = session.newPage();
        Page second = session.newPage();
        first.navigate(url("console/analyte/edit?code=1952-1"));
        second.navigate(url("console/analyte/edit?code=1952-1"));

        exact(first, "Decimals shown (0 to 6, optional)").fill("2");
        exact(first, "Reason (required, kept in the audit log)").fill("First tab");
        first.getByText("Save new revision").click();
        assertTrue(first.locator("[role=status]").textContent().contains("Saved as revision 2"));

        String aliases = exact(second, "Aliases (one a line)").inputValue();
        exact(second, "Aliases (one a line)").fill(aliases + "\nB2 microglobulin");
        exact(second, "Reason (required, kept in the audit log)").fill("Second tab");
        second.getByText("Save new revision").click();

        assertTrue(second.locator("h1").textContent().contains("changed this analyte"));
        String changes = second.locator("table").textContent();
        assertTrue(changes.contains("displayPrecision"), changes);
        assertTrue(second.locator("main").textContent().contains("You changed: aliases"));
        assertEquals("2", exact(second, "Decimals shown (0 to 6, optional)").inputValue(), "the latest value");
        assertTrue(exact(second, "Aliases (one a line)").inputValue().endsWith("B2 microglobulin"), "their own value");
        check(second, "analyte-conflict");
        second.getByText("Re-apply my change on top of revision 2").click();

        assertTrue(second.locator("[role=status]").textContent().contains("Saved as revision 3"));
        ranges.verify(putRequestedFor(urlEqualTo("/api/v1/analytes/1952-1"))
                .withHeader("If-Match", equalTo("\"2\""))
                .withRequestBody(matchingJsonPath("$.displayPrecision", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.aliases[8]", equalTo("B2 microglobulin")))
                .withRequestBody(matchingJsonPath("$.reason", equalTo("Second tab"))));
    }

    @Test
    void analytePageListsCoverageGapsAndOverlapsInWords() {
        Page page = signIn("admin");
        page.navigate(url("console/analyte?code=1952-1"));
        String coverage = page.locator("table[aria-labelledby=coverage]").textContent();
        assertTrue(coverage.contains("Gap: no range for any patients from 0 years to 18 years"), coverage);
        assertTrue(coverage.contains("Overlap (ambiguous):"), coverage);
        assertTrue(coverage.contains("No gap"), coverage);
        assertEquals(
                2,
                page.locator("table[aria-labelledby=coverage] a[href*='/console/range?id=']")
                        .count());
    }

    @Test
    void retiringAnAnalyteWithLiveRangesExplainsWhatToRetireFirst() {
        Page page = signIn("admin");
        page.navigate(url("console/analyte?code=1952-1"));
        page.getByLabel("Reason (required)", new Page.GetByLabelOptions().setExact(true))
                .fill("Withdrawn");
        page.getByText("Retire analyte").click();
        assertTrue(page.locator("h1").textContent().contains("still has live ranges"));
        assertEquals(2, page.locator("main ul a[href*='/console/range?id=']").count());
        check(page, "analyte-in-use");
        ranges.verify(postRequestedFor(urlEqualTo("/api/v1/analytes/1952-1/retire"))
                .withHeader("If-Match", equalTo("\"1\""))
                .withRequestBody(equalToJson("{\"reason\":\"Withdrawn\"}")));
    }

    @Test
    void readerSeesNoAnalyteControlsAndForcedAnalyteWritesAreRefused() {
        Page page = signIn("reader");
        assertEquals(0, page.getByText("New analyte").count());
        page.navigate(url("console/analyte?code=1952-1"));
        assertEquals(0, page.getByText("Revise analyte").count());
        assertEquals(0, page.getByText("Retire analyte").count());
        check(page, "analyte-reader");

        String csrf = page.context().cookies().stream()
                .filter(c -> c.name.equals("labrange-console-csrf"))
                .findFirst()
                .orElseThrow()
                .value;
        assertEquals(403, page.request().get(url("console/analyte/new")).status());
        assertEquals(
                403, page.request().get(url("console/analyte/edit?code=1952-1")).status());
        var revise = page.request()
                .post(
                        url("console/analyte/edit"),
                        RequestOptions.create()
                                .setForm(FormData.create()
                                        .set("csrf", csrf)
                                        .set("code", "1952-1")
                                        .set("base", "1")
                                        .set("displayName", "not mine")
                                        .set("unit", "mg/L")
                                        .set("reason", "not mine to change")));
        assertEquals(403, revise.status());
        assertTrue(revise.text().contains("Not allowed"));
        var retire = page.request()
                .post(
                        url("console/analyte/retire"),
                        RequestOptions.create()
                                .setForm(FormData.create()
                                        .set("csrf", csrf)
                                        .set("code", "1952-1")
                                        .set("base", "1")
                                        .set("reason", "not mine")));
        assertEquals(403, retire.status());
        assertEquals(
                0,
                ranges.findAll(putRequestedFor(urlPathEqualTo("/api/v1/analytes/1952-1")))
                        .size());
        assertEquals(
                0,
                ranges.findAll(postRequestedFor(urlPathEqualTo("/api/v1/analytes/1952-1/retire")))
                        .size());
    }

    private static com.microsoft.playwright.Locator exact(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private void upload(Page page, String csv) {
        uploadFile(page, "ranges.csv", "text/csv", csv);
    }

    private void uploadFile(Page page, String name, String type, String content) {
        page.navigate(url("console/import"));
        page.getByLabel("File (CSV or JSON)")
                .setInputFiles(new FilePayload(name, type, content.getBytes(StandardCharsets.UTF_8)));
        page.getByLabel("Effective from").fill("2027-01-01");
        page.getByLabel("Reason (required)").fill("Annual review");
        page.getByText("Preview").click();
    }

    private static void fillAndSave(Page page, String high, String reason) {
        page.getByLabel("High", new Page.GetByLabelOptions().setExact(true)).fill(high);
        page.getByLabel("Effective from").fill("2026-11-22");
        page.getByLabel("Reason (required, kept in the audit log)").fill(reason);
        page.getByText("Save new revision").click();
    }

    private Page signIn(String user) {
        return newSession(user).pages().get(0);
    }

    /** A fresh browser session signed in through the identity provider's login page. */
    private BrowserContext newSession(String user) {
        BrowserContext context = browser.newContext();
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(page.url() + ": " + message.text());
            }
        });
        page.navigate(url("console"));
        assertEquals("Sign in to labrange", page.title());
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(user);
        page.locator("#kc-login").click();
        page.waitForURL("**/console/catalogue**");
        return context;
    }

    /** Screenshot of the page, then axe-core on it: serious and critical violations are collected. */
    private void check(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve(name + ".png"))
                .setFullPage(true));
        page.evaluate(axe);
        Object found = page.evaluate("async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        for (Object violation : (List<?>) found) {
            accessibility.add(name + ": " + violation);
        }
    }

    private String url(String path) {
        return root.toString() + path;
    }

    private static String serumAnswer() {
        try (var in = ConsoleBrowserTest.class.getResourceAsStream(
                "/contract/interpretation/interpretations-single-serum.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
