package org.labrange.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labrange.e2e.support.Chromium;
import org.labrange.e2e.support.Suite;

/**
 * The admin console as lab staff meet it: signed in on Keycloak's own login page (the committed realm and its
 * development users), with the three packaged services verifying Keycloak's tokens against the realm's keys and
 * issuer. Screenshots land in target/console-screenshots/keycloak-*.png.
 */
class ConsoleWithKeycloakIT {

    /** Beta-2 microglobulin, serum, LabCorp: a seeded range at revision 1. */
    private static final String LABCORP_SERUM = "1952e001-0000-4000-8000-000000000002";

    private static final Path SHOTS = Path.of(System.getProperty("labrange.screenshots", "target/console-screenshots"));

    private static Suite suite;
    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;

    @BeforeAll
    static void start() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
        suite = Suite.withKeycloak();
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

    @AfterEach
    void closeSession() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void adminSignsInOnKeycloakRevisesARangeAndSeesTheNewRevisionInItsHistory() {
        Page page = signIn("admin", "admin-dev-only");
        shot(page, "keycloak-catalogue");

        page.navigate(suite.gatewayUrl() + "/console/range?id=" + LABCORP_SERUM);
        page.getByText("Edit range").click();
        page.getByLabel("High", new Page.GetByLabelOptions().setExact(true)).fill("2.6");
        page.getByLabel("Effective from").fill(LocalDate.now(ZoneOffset.UTC).toString());
        page.getByLabel("Reason (required, kept in the audit log)").fill("Signed in through Keycloak");
        shot(page, "keycloak-edit");
        page.getByText("Save new revision").click();

        String status = page.locator("[role=status]").textContent();
        assertTrue(status.contains("Saved as revision 2"), status);
        String history = page.locator("table").first().textContent();
        assertTrue(history.contains("Signed in through Keycloak"), history);
        shot(page, "keycloak-range-revised");

        // The console forwarded the admin's Keycloak token; the API, asked with another Keycloak token, agrees.
        given().baseUri(suite.gatewayUrl())
                .auth()
                .oauth2(suite.keycloak().token("reader", "reader-dev-only"))
                .get("/api/v1/ranges/" + LABCORP_SERUM + "/revisions")
                .then()
                .statusCode(200)
                .body("reason", hasItem("Signed in through Keycloak"));
    }

    @Test
    void readerSignedInOnKeycloakSeesNoEditControls() {
        Page page = signIn("reader", "reader-dev-only");
        page.navigate(suite.gatewayUrl() + "/console/range?id=" + LABCORP_SERUM);
        assertTrue(page.locator("h2").first().textContent().contains("History"));
        assertEquals(0, page.getByText("Edit range").count());
        assertEquals(0, page.getByText("Retire range").count());
        assertEquals(0, page.locator("nav").getByText("Import").count());
        shot(page, "keycloak-range-reader");
    }

    @Test
    void aWrongPasswordIsRefusedOnKeycloaksPageAndTheConsoleStaysClosed() {
        context = browser.newContext();
        Page page = context.newPage();
        page.navigate(suite.gatewayUrl() + "/console");
        page.locator("#username").fill("admin");
        page.locator("#password").fill("not-the-password");
        page.locator("#kc-login").click();
        assertThat(page.getByText("Invalid username or password.")).isVisible();
        assertTrue(page.url().startsWith(suite.keycloak().realmUrl()), page.url());
        shot(page, "keycloak-wrong-password");

        page.navigate(suite.gatewayUrl() + "/console/catalogue");
        assertTrue(page.url().startsWith(suite.keycloak().realmUrl()), "still sent to sign in: " + page.url());
    }

    @Test
    void aTokenTheRealmDidNotIssueIsRefusedEvenWithTheAdminRole() {
        given().baseUri(suite.gatewayUrl())
                .auth()
                .oauth2(suite.token("intruder", "ranges-admin"))
                .get("/api/v1/ranges/" + LABCORP_SERUM)
                .then()
                .statusCode(401);
        given().baseUri(suite.gatewayUrl())
                .auth()
                .oauth2(suite.keycloak().token("admin", "admin-dev-only"))
                .get("/api/v1/ranges/" + LABCORP_SERUM)
                .then()
                .statusCode(200);
    }

    /** A fresh browser session, through the console's redirect to Keycloak's login page and back. */
    private Page signIn(String username, String password) {
        context = browser.newContext();
        Page page = context.newPage();
        page.navigate(suite.gatewayUrl() + "/console");
        assertTrue(
                page.url().startsWith(suite.keycloak().realmUrl() + "/protocol/openid-connect/auth"),
                "the console sends the browser to Keycloak: " + page.url());
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        shot(page, "keycloak-sign-in");
        page.locator("#kc-login").click();
        page.waitForURL("**/console/catalogue**");
        return page;
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }
}
