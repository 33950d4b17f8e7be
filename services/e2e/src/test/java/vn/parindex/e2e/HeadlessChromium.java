package vn.parindex.e2e;

import static vn.parindex.e2e.Clients.ROOT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and chromedriver (installed by {@code .ci/install-browser.sh}), as PortalBrowserTest
 * starts them; a test using it skips (does not fail) only when no browser can be installed.
 */
final class HeadlessChromium {

    private HeadlessChromium() {}

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /** Installs the browser through the project's script when missing; skips the calling test if it cannot. */
    static void ensureInstalled() throws Exception {
        Path chromium = CHROMIUM;
        Path driver = DRIVER;
        if (!Files.isExecutable(chromium) || !Files.isExecutable(driver)) {
            Process install = new ProcessBuilder(
                            "bash", ROOT.resolve(".ci/install-browser.sh").toString())
                    .inheritIO()
                    .start();
            boolean done = install.waitFor(10, TimeUnit.MINUTES);
            Assumptions.assumeTrue(
                    done && install.exitValue() == 0 && Files.isExecutable(chromium) && Files.isExecutable(driver),
                    "Browser test skipped: chromium and chromium-driver are not installed and"
                            + " .ci/install-browser.sh could not install them (it needs root: apt-get install"
                            + " chromium chromium-driver)");
        }
    }

    static ChromeDriver start() throws Exception {
        ensureInstalled();
        Path chromium = CHROMIUM;
        Path driver = DRIVER;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--window-size=1280,900",
                "--lang=vi");
        return new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(driver.toFile())
                        .build(),
                options);
    }
}
