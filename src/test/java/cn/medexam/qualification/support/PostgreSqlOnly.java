package cn.medexam.qualification.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test that needs the PostgreSQL server itself (several application nodes on one database): off in the embedded
 * H2 run, on in the build's PostgreSQL run, where {@link DatabaseAvailable} fails it when {@code CI=true} and no
 * PostgreSQL answers (a developer without one is told it was skipped).
 */
public class PostgreSqlOnly implements ExecutionCondition {

    private final DatabaseAvailable database = new DatabaseAvailable();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!"postgres".equals(System.getProperty("qr.test.database"))) {
            return ConditionEvaluationResult.disabled(
                    "needs PostgreSQL: runs in the build's PostgreSQL run (./mvnw verify, failsafe)");
        }
        return database.evaluateExecutionCondition(context);
    }
}
