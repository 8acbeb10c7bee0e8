package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The OpenAPI description at {@code /v3/api-docs} is the administrators' alone, carries the Chinese error body, names
 * for every call the status codes it answers, and agrees with README's API table: the same calls (method and path;
 * path variables compared by position) with the same status codes.
 */
@EngineTest
@AutoConfigureMockMvc
class ApiDescriptionTest {

    private static final Pattern CALL =
            Pattern.compile("^((?:GET|POST|PUT|DELETE)(?:[,/]\\s*(?:GET|POST|PUT|DELETE))*)?\\s*(/\\S*)?$");
    private static final Pattern STATUS_SEGMENT = Pattern.compile("^(?:(GET|POST|PUT|DELETE):)?\\s*([\\d,\\s]+)$");
    /** A status code in the answers' prose; not a length (≤ 500), a size (200 KB) or a count of characters. */
    private static final Pattern PROSE_STATUS =
            Pattern.compile("(?<![≤\\d.]\\s?)\\b([1-5]\\d\\d)\\b(?!\\s*(?:KB|characters|字))");

    private static final List<String> METHODS = List.of("get", "post", "put", "delete");
    private static final String ERROR_BODY = "#/components/schemas/ApiError";

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void staffExist() {
        users.ensureExist();
    }

    @Test
    void anAdministratorReadsTheDescriptionAndNobodyElse() throws Exception {
        api.anonymous(get("/v3/api-docs"), 401);
        api.anonymous(get("/v3/api-docs.yaml"), 401);
        assertThat(api.call(get("/v3/api-docs"), TestUsers.REGISTRAR, TestUsers.PASSWORD, 403)
                        .path("code")
                        .asText())
                .isEqualTo("FORBIDDEN");
        api.call(get("/v3/api-docs"), TestUsers.SITE_REVIEWER, TestUsers.PASSWORD, 403);
        api.call(get("/v3/api-docs"), TestUsers.ADMIN, TestUsers.PASSWORD, 200);
    }

    @Test
    void everyOperationNamesItsStatusCodesEachRefusalWithTheChineseErrorBody() throws Exception {
        JsonNode description = description();

        assertThat(description.at("/info/description").asText()).contains("message 为中文", "missing");
        assertThat(description.at("/components/schemas/ApiError/properties").fieldNames())
                .toIterable()
                .contains("code", "message", "errors", "missing", "notReplaced");
        operations(description).forEach((call, operation) -> {
            JsonNode responses = operation.get("responses");
            assertThat(responses
                            .at("/default/content/application~1json/schema/$ref")
                            .asText())
                    .as(call)
                    .isEqualTo(ERROR_BODY);
            assertThat(codes(operation)).as(call).anyMatch(code -> code.startsWith("2"));
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().matches("[45]\\d\\d") && !call.contains("/verify")) {
                    assertThat(response.getValue()
                                            .at("/content/application~1json/schema/$ref")
                                            .asText()
                                    + response.getValue()
                                            .at("/content/*~1*/schema/$ref")
                                            .asText())
                            .as(call + " " + response.getKey())
                            .endsWith(
                                    call.equals("POST /api/photo-check")
                                                    && response.getKey().equals("429")
                                            ? "/Answer"
                                            : ERROR_BODY);
                }
            });
        });
        JsonNode register = description.at("/paths/~1api~1registrations/post/responses");
        assertThat(register.fieldNames())
                .toIterable()
                .contains("201", "200", "400", "401", "403", "409", "415", "429", "default");
        assertThat(register.at("/403/description").asText()).contains("FORBIDDEN", "X-QR-XSRF-TOKEN");
        assertThat(description
                        .at("/paths/~1api~1me~1submission/post/responses/422/description")
                        .asText())
                .contains("missing");
        assertThat(codes(description.at("/paths/~1api~1candidate~1activation~1code/post")))
                .containsExactlyInAnyOrder("202", "400", "403", "415", "429");
        assertThat(codes(description.at("/paths/~1api~1photo-check/post")))
                .containsExactlyInAnyOrder("200", "400", "415", "422", "429");
        assertThat(codes(description.at("/paths/~1api~1me~1case/get")))
                .containsExactlyInAnyOrder("200", "401", "403", "404", "429");
        assertThat(codes(description.at("/paths/~1api~1admin~1progress/get")))
                .containsExactlyInAnyOrder("200", "400", "401", "404", "429");
    }

    /**
     * What the calls answer an anonymous caller, a registrar, a site reviewer and an administrator who send no body
     * and {@code x} for every path variable is among the codes the description names for them.
     */
    @Test
    void whatEveryCallAnswersCallersWithoutBodyIsAmongItsDescribedCodes() throws Exception {
        JsonNode description = description();
        List<String> missed = new ArrayList<>();
        for (var entry : operations(description).entrySet()) {
            String[] call = entry.getKey().split(" ", 2);
            Set<String> codes = codes(entry.getValue());
            for (String user : new String[] {null, TestUsers.REGISTRAR, TestUsers.SITE_REVIEWER, TestUsers.ADMIN}) {
                MockHttpServletRequestBuilder probe = request(
                                HttpMethod.valueOf(call[0]), call[1].replaceAll("\\{[^}]*}", "x"))
                        .with(request -> {
                            // an address of its own: the per-address limits of other tests are not touched
                            request.setRemoteAddr("192.0.2.111");
                            return request;
                        });
                if (user != null) {
                    probe = probe.with(httpBasic(user, TestUsers.PASSWORD));
                }
                int status = mvc.perform(probe).andReturn().getResponse().getStatus();
                if (!codes.contains(String.valueOf(status))) {
                    missed.add(entry.getKey() + " as " + user + ": " + status + " not in " + codes);
                }
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void readmesApiTableAndTheDescriptionNameTheSameCallsWithTheSameStatusCodes() throws Exception {
        Map<String, Set<String>> described = new TreeMap<>();
        operations(description()).forEach((call, operation) -> {
            String[] parts = call.split(" ", 2);
            described.put(parts[0] + " " + normalised(parts[1]), codes(operation));
        });

        assertThat(readmeCalls()).isEqualTo(described);
    }

    private JsonNode description() throws Exception {
        return api.call(get("/v3/api-docs"), TestUsers.ADMIN, TestUsers.PASSWORD, 200);
    }

    /** Every operation of the description by "METHOD /path". */
    private static Map<String, JsonNode> operations(JsonNode description) {
        Map<String, JsonNode> operations = new TreeMap<>();
        description
                .get("paths")
                .fields()
                .forEachRemaining(path -> METHODS.stream()
                        .filter(path.getValue()::has)
                        .forEach(method -> operations.put(
                                method.toUpperCase() + " " + path.getKey(),
                                path.getValue().get(method))));
        return operations;
    }

    /** The status codes an operation names (its {@code default} is no status code). */
    private static Set<String> codes(JsonNode operation) {
        Set<String> codes = new TreeSet<>();
        operation.get("responses").fieldNames().forEachRemaining(code -> {
            if (code.matches("\\d{3}")) {
                codes.add(code);
            }
        });
        return codes;
    }

    /**
     * The calls of README's table under "## API" with their status codes. The first column names methods and paths in
     * backticks: {@code `GET /a`}, {@code `GET/PUT /b`}, {@code `GET`, `DELETE /c`} (both methods for /c), {@code `/d`}
     * (the method of the call before it); a request body's backticks name no call. The last column lists the status
     * codes, for every call of the row ({@code 200, 404}) or per method ({@code GET: 200, 404; DELETE: 204, 409}).
     * Every status code the answers column names in its prose is one of them.
     */
    private static Map<String, Set<String>> readmeCalls() throws Exception {
        String section = Files.readString(Path.of("README.md")).split("\n## API\n", 2)[1];
        section = section.substring(section.indexOf("| call |"));
        Map<String, Set<String>> calls = new TreeMap<>();
        for (String row : section.split("\n\n", 2)[0].lines().skip(2).toList()) {
            String[] cells = row.split("(?<!\\\\)\\|");
            Map<String, Set<String>> statusByMethod = statusCodes(cells[4].trim());
            Set<String> rowCodes = new TreeSet<>();
            statusByMethod.values().forEach(rowCodes::addAll);
            Matcher prose = PROSE_STATUS.matcher(cells[3]);
            while (prose.find()) {
                assertThat(rowCodes).as(row).contains(prose.group(1));
            }
            for (String call : rowCalls(cells[1])) {
                Set<String> codes = statusByMethod.getOrDefault(call.split(" ")[0], statusByMethod.get(""));
                assertThat(codes).as(row + ": status codes of " + call).isNotNull();
                calls.put(call, codes);
            }
        }
        return calls;
    }

    private static Set<String> rowCalls(String cell) {
        Set<String> calls = new TreeSet<>();
        List<String> pending = new ArrayList<>();
        List<String> last = List.of();
        Matcher code = Pattern.compile("`([^`]+)`").matcher(cell);
        while (code.find()) {
            Matcher call = CALL.matcher(code.group(1).trim());
            if (!call.matches()) {
                continue;
            }
            List<String> named =
                    call.group(1) == null ? List.of() : List.of(call.group(1).split("[,/]\\s*"));
            if (call.group(2) == null) {
                pending.addAll(named);
                continue;
            }
            List<String> methods = new ArrayList<>(pending);
            methods.addAll(named.isEmpty() && pending.isEmpty() ? last : named);
            methods.forEach(method -> calls.add(method + " " + normalised(call.group(2))));
            last = methods;
            pending.clear();
        }
        return calls;
    }

    /** "200, 404" as {"": [200, 404]}; "GET: 200; DELETE: 204, 409" by method. */
    private static Map<String, Set<String>> statusCodes(String cell) {
        Map<String, Set<String>> byMethod = new TreeMap<>();
        for (String segment : cell.split(";")) {
            Matcher matcher = STATUS_SEGMENT.matcher(segment.trim());
            assertThat(matcher.matches()).as("status codes “" + cell + "”").isTrue();
            byMethod.put(
                    matcher.group(1) == null ? "" : matcher.group(1),
                    new TreeSet<>(List.of(matcher.group(2).trim().split("[,\\s]+"))));
        }
        return byMethod;
    }

    private static String normalised(String path) {
        return path.replaceAll("\\?.*$", "").replaceAll("\\{[^}]*}", "{}");
    }
}
