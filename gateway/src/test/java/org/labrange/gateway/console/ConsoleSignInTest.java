package org.labrange.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labrange.gateway.ConsoleFixtures;
import org.labrange.gateway.IdentityProviderStub;
import org.labrange.gateway.UpstreamStubs;
import org.labrange.gateway.UpstreamStubs.RangesStub;

@QuarkusTest
@QuarkusTestResource(UpstreamStubs.class)
@QuarkusTestResource(IdentityProviderStub.class)
class ConsoleSignInTest {

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;

    @RangesStub
    WireMockServer ranges;

    @TestHTTPResource("/console")
    URL console;

    @BeforeAll
    static void startBrowser() {
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
        ConsoleFixtures.b2mCatalogue(ranges);
    }

    @Test
    void adminSignsInOnTheIdentityProvidersPageAndSeesTheCatalogue() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(console.toString());
            assertEquals("Sign in to labrange", page.title());
            page.getByLabel("Username").fill("admin");
            page.getByLabel("Password").fill("admin");
            page.locator("#kc-login").click();
            page.waitForURL("**/console/catalogue**");
            assertTrue(page.locator("h1").textContent().contains("Catalogue"));
            assertTrue(page.content().contains("Labcorp"), page.content());
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of("target/console-screenshots/catalogue.png"))
                    .setFullPage(true));
        }
    }
}
