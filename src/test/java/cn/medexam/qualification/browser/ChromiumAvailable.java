package cn.medexam.qualification.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests run in Debian's Chromium through its chromedriver ({@code apt-get install chromium chromium-driver},
 * which .ci/run does). Without them a developer's run skips the browser tests; with {@code CI=true} it fails: CI must
 * never pass by skipping, and no test downloads a browser.
 */
public class ChromiumAvailable implements ExecutionCondition {

    static final Path CHROMIUM = Path.of(System.getProperty("qr.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("qr.test.chromedriver", "/usr/bin/chromedriver"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
        }
        String problem = "no Chromium at " + CHROMIUM + " or no chromedriver at " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(problem + "; CI=true: the browser tests must not be skipped");
        }
        return ConditionEvaluationResult.disabled(problem + "; skipping the browser tests");
    }
}
