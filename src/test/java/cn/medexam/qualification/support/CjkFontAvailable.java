package cn.medexam.qualification.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The printed documents embed Noto Serif CJK from Debian's fonts-noto-cjk (which .ci/run installs; printing's
 * {@code qr.printing.font}). Without it a developer's run skips the tests that print; with {@code CI=true} it fails.
 */
public class CjkFontAvailable implements ExecutionCondition {

    static final Path FONT = Path.of("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isReadable(FONT)) {
            return ConditionEvaluationResult.enabled("CJK font at " + FONT);
        }
        String problem = "no CJK font at " + FONT + " (apt-get install fonts-noto-cjk)";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(problem + "; CI=true: the printing tests must not be skipped");
        }
        return ConditionEvaluationResult.disabled(problem + "; skipping the tests that print");
    }
}
