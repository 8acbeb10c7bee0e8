package cn.medexam.qualification.system;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/**
 * One password rule for every account and every way a password is set: 8 to 64 characters with at least one letter
 * and one digit. The activation API checks it itself (its Chinese field error); the engine applies it as its password
 * policy to every other change, such as the webapps' profile page or {@code PUT /engine-rest/user/{id}/credentials}.
 */
public final class PasswordRules implements PasswordPolicy {

    public static final String MESSAGE = "密码须为 8 至 64 位，且同时包含字母和数字";
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 64;

    // placeholders as Camunda's webapps translate them, plus two of this application's (see the locales)
    private static final List<PasswordPolicyRule> RULES = List.of(
            rule(
                    "PASSWORD_POLICY_LENGTH",
                    Map.of("minLength", String.valueOf(MIN_LENGTH)),
                    password -> password.length() >= MIN_LENGTH),
            rule(
                    "PASSWORD_POLICY_MAX_LENGTH",
                    Map.of("maxLength", String.valueOf(MAX_LENGTH)),
                    password -> password.length() <= MAX_LENGTH),
            rule(
                    "PASSWORD_POLICY_LETTER",
                    Map.of("minLetter", "1"),
                    password -> password.chars().anyMatch(c -> c < 128 && Character.isLetter(c))),
            rule(
                    "PASSWORD_POLICY_DIGIT",
                    Map.of("minDigit", "1"),
                    password -> password.chars().anyMatch(c -> c >= '0' && c <= '9')));

    public static boolean accepts(String password) {
        return password != null && RULES.stream().allMatch(rule -> rule.execute(password));
    }

    @Override
    public List<PasswordPolicyRule> getRules() {
        return RULES;
    }

    private static PasswordPolicyRule rule(String placeholder, Map<String, String> parameters, Predicate<String> test) {
        return new PasswordPolicyRule() {
            @Override
            public String getPlaceholder() {
                return placeholder;
            }

            @Override
            public Map<String, String> getParameters() {
                return parameters;
            }

            @Override
            public boolean execute(String password) {
                return test.test(password);
            }
        };
    }
}
