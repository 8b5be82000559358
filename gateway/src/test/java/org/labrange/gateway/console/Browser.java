package org.labrange.gateway.console;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's chromium driven by Playwright. Playwright's own browser download cannot be used here, so the tests
 * launch the installed executable ({@code LABRANGE_CHROMIUM}, default /usr/bin/chromium) and fail, never skip,
 * when it is missing.
 */
final class Browser {

    private Browser() {}

    static Path executable() {
        Path path = Path.of(System.getenv().getOrDefault("LABRANGE_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(path)) {
            fail("No browser for the console tests at " + path + ": install one with `apt-get install -y chromium` "
                    + "(or point LABRANGE_CHROMIUM at a Chromium executable)");
        }
        return path;
    }

    static Playwright playwright() {
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static com.microsoft.playwright.Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(executable())
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
    }
}
