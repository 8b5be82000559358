package org.labrange.e2e.support;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The installed Chromium (LABRANGE_CHROMIUM, default /usr/bin/chromium) driven by Playwright, whose own browser
 * download is not reachable from the build machines. A missing browser fails the test with how to install one.
 */
public final class Chromium {

    private Chromium() {}

    public static Playwright playwright() {
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(executable())
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage")));
    }

    private static Path executable() {
        Path path = Path.of(System.getenv().getOrDefault("LABRANGE_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(path)) {
            fail("No browser for the console tests at " + path + ": install one with `apt-get install -y chromium` "
                    + "(or point LABRANGE_CHROMIUM at a Chromium executable)");
        }
        return path;
    }
}
