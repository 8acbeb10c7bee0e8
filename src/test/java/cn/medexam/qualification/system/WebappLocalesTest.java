package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the Simplified Chinese translation shipped for the embedded Camunda 7 webapps against the
 * English originals of the Camunda webjar on the classpath.
 */
class WebappLocalesTest {

    private static final String APP_ROOT = "/META-INF/resources/webjars/camunda/app/";

    /**
     * English values that stay as they are in zh.json, each for a reason.
     */
    private static final Map<String, String> KEPT_VALUES = Map.ofEntries(
            Map.entry("Camunda", "vendor and product name"),
            Map.entry("Camunda Cockpit", "product name"),
            Map.entry("Cockpit", "name of a Camunda webapp, shown in the app switcher and header"),
            Map.entry("Tasklist", "name of a Camunda webapp, shown in the app switcher and header"),
            Map.entry("Admin", "name of a Camunda webapp, shown in the app switcher and header"),
            Map.entry("Optimize", "name of a Camunda product, used as an authorization resource"),
            Map.entry("ID", "the abbreviation Chinese software uses as is (用户 ID, 流程实例 ID)"),
            Map.entry("ID*", "the same, marked as required"),
            Map.entry("YYYY-MM-DDTHH:mm:ss", "placeholder showing the input format the engine accepts"),
            Map.entry("<null>", "literal shown for a variable whose value is null"),
            Map.entry("<undefined>", "literal shown for a variable without a value"));

    /**
     * English values that have no Chinese counterpart and become empty.
     */
    private static final Map<String, String> EMPTY_IN_CHINESE =
            Map.of("s", "English plural suffix appended after a count; Chinese nouns have no plural");

    /**
     * Moment.js date-locale entries that are format codes, not text.
     */
    private static final Set<String> FORMAT_CODE_PATHS = Set.of(
            "dateLocales.calendar.sameElse",
            "dateLocales.calendar.nextWeek",
            "dateLocales.longDateFormat.L",
            "dateLocales.longDateFormat.LT");

    /**
     * Keys Chinese has beyond English: the placeholders of this application's password rules (system.PasswordRules),
     * shown by Admin and the profile page.
     */
    private static final Set<String> ADDED_KEYS = Set.of("PASSWORD_POLICY_LETTER", "PASSWORD_POLICY_MAX_LENGTH");

    private static final Pattern LETTER = Pattern.compile("[A-Za-z]");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern INTERPOLATION = Pattern.compile("\\{\\{.*?}}");
    private static final Pattern HTML_TAG =
            Pattern.compile("</?(?:a|b|br|code|div|em|i|li|p|pre|small|span|strong|u|ul)\\b[^<>]*>");
    /** moment.js (%d, %s) and ng-pluralize ({}) placeholders. */
    private static final Pattern OTHER_PLACEHOLDER = Pattern.compile("%[sd]|\\{}");

    private final ObjectMapper mapper = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "admin", "cockpit"})
    void chineseHasExactlyTheKeysOfEnglishInTheSameOrder(String app) throws IOException {
        Map<String, JsonNode> english = leaves(read(app, "en"));
        Map<String, JsonNode> chinese = leaves(read(app, "zh"));
        chinese.keySet().removeIf(path -> ADDED_KEYS.contains(path.substring(path.lastIndexOf('.') + 1)));

        assertThat(new ArrayList<>(chinese.keySet())).containsExactlyElementsOf(english.keySet());
        SoftAssertions softly = new SoftAssertions();
        english.forEach((path, value) -> softly.assertThat(chinese.get(path).getNodeType())
                .as("type of %s in %s", path, app)
                .isEqualTo(value.getNodeType()));
        softly.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "admin", "cockpit"})
    void everyTextIsTranslatedWithItsPlaceholdersAndTagsIntact(String app) throws IOException {
        Map<String, JsonNode> english = leaves(read(app, "en"));
        Map<String, JsonNode> chinese = leaves(read(app, "zh"));

        SoftAssertions softly = new SoftAssertions();
        english.forEach((path, node) -> {
            if (!node.isTextual() || chinese.get(path) == null) {
                return;
            }
            String en = node.asText();
            String zh = chinese.get(path).asText();
            String where = app + " " + path;
            if (KEPT_VALUES.containsKey(en)) {
                softly.assertThat(zh).as("kept value at %s", where).isEqualTo(en);
            } else if (EMPTY_IN_CHINESE.containsKey(en)) {
                softly.assertThat(zh).as("value left empty at %s", where).isEmpty();
            } else if (LETTER.matcher(en).find() && !FORMAT_CODE_PATHS.contains(path)) {
                softly.assertThat(HAN.matcher(zh).find())
                        .as("%s is translated: \"%s\" -> \"%s\"", where, en, zh)
                        .isTrue();
            }
            for (Pattern pattern : List.of(INTERPOLATION, HTML_TAG, OTHER_PLACEHOLDER)) {
                for (String token : tokens(pattern, en)) {
                    softly.assertThat(count(zh, token))
                            .as("%s keeps %s: \"%s\"", where, token, zh)
                            .isGreaterThanOrEqualTo(count(en, token));
                }
            }
            for (String token : tokens(INTERPOLATION, zh)) {
                softly.assertThat(en)
                        .as("%s has no invented interpolation", where)
                        .contains(token);
            }
        });
        softly.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "admin", "cockpit"})
    void configOfferedByTheAppListsChinese(String app) throws IOException {
        // the first config.js on the classpath is the one Spring Boot serves
        String config = resource(APP_ROOT + app + "/scripts/config.js");
        String code = config.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");

        Matcher locales =
                Pattern.compile("availableLocales['\"]?\\s*:\\s*\\[([^\\]]*)]").matcher(code);
        assertThat(locales.find())
                .as("%s config.js enables availableLocales", app)
                .isTrue();
        assertThat(locales.group(1)).as("%s availableLocales", app).containsPattern("['\"]zh['\"]");
        // Chinese is also the fallback, so a Chinese browser loads one locale and its dates stay Chinese
        assertThat(code).as("%s fallbackLocale", app).containsPattern("fallbackLocale['\"]?\\s*:\\s*['\"]zh['\"]");
    }

    private JsonNode read(String app, String locale) throws IOException {
        String path = APP_ROOT + app + "/locales/" + locale + ".json";
        try (InputStream in = WebappLocalesTest.class.getResourceAsStream(path)) {
            assertThat(in).as("%s on the classpath", path).isNotNull();
            return mapper.readTree(in);
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = WebappLocalesTest.class.getResourceAsStream(path)) {
            assertThat(in).as("%s on the classpath", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        collect("", root, leaves);
        return leaves;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    private static List<String> tokens(Pattern pattern, String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static int count(String text, String token) {
        int count = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
            count++;
        }
        return count;
    }
}
