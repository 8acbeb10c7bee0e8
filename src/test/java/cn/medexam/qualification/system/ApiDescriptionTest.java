package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;

/**
 * The OpenAPI description at {@code /v3/api-docs} is the administrators' alone, carries the Chinese error body, and
 * names exactly the calls of README's API table (method and path; path variables compared by position).
 */
@EngineTest
@AutoConfigureMockMvc
class ApiDescriptionTest {

    private static final Pattern CALL =
            Pattern.compile("^((?:GET|POST|PUT|DELETE)(?:[,/]\\s*(?:GET|POST|PUT|DELETE))*)?\\s*(/\\S*)?$");
    private static final List<String> METHODS = List.of("get", "post", "put", "delete");

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

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
    void everyOperationAnswersTheChineseErrorBodyBesideItsFixedStatusCodes() throws Exception {
        JsonNode description = api.call(get("/v3/api-docs"), TestUsers.ADMIN, TestUsers.PASSWORD, 200);

        assertThat(description.at("/info/description").asText()).contains("message 为中文", "missing");
        assertThat(description.at("/components/schemas/ApiError/properties").fieldNames())
                .toIterable()
                .contains("code", "message", "errors", "missing", "notReplaced");
        description
                .get("paths")
                .forEach(path -> METHODS.stream()
                        .filter(path::has)
                        .forEach(method -> assertThat(path.get(method)
                                                .at("/responses")
                                                .has("default")
                                        || path.get(method).at("/responses/204").isObject())
                                .isTrue()));
        JsonNode register = description.at("/paths/~1api~1registrations/post/responses");
        assertThat(register.fieldNames()).toIterable().contains("201", "200", "409", "400", "default");
        assertThat(description
                        .at("/paths/~1api~1me~1submission/post/responses/422/description")
                        .asText())
                .contains("missing");
        assertThat(description
                        .at("/paths/~1api~1candidate~1activation~1code/post/responses")
                        .fieldNames())
                .toIterable()
                .contains("202", "429");
        assertThat(description
                        .at("/paths/~1api~1review~1cases~1{candidateNo}~1release/post/responses")
                        .fieldNames())
                .toIterable()
                .contains("204", "409");
    }

    @Test
    void readmesApiTableAndTheDescriptionNameTheSameCalls() throws Exception {
        JsonNode description = api.call(get("/v3/api-docs"), TestUsers.ADMIN, TestUsers.PASSWORD, 200);
        Set<String> described = new TreeSet<>();
        description
                .get("paths")
                .fields()
                .forEachRemaining(path -> METHODS.stream()
                        .filter(path.getValue()::has)
                        .forEach(method -> described.add(method.toUpperCase() + " " + normalised(path.getKey()))));

        assertThat(readmeCalls()).isEqualTo(described);
    }

    /**
     * The calls of the first column of README's table under "## API". A cell names methods and paths in backticks:
     * {@code `GET /a`}, {@code `GET/PUT /b`}, {@code `GET`, `DELETE /c`} (both methods for /c), {@code `/d`} (the
     * method of the call before it); a request body's backticks name no call.
     */
    private static Set<String> readmeCalls() throws Exception {
        String section = Files.readString(Path.of("README.md")).split("\n## API\n", 2)[1];
        section = section.substring(section.indexOf("| call |"));
        Set<String> calls = new TreeSet<>();
        for (String row : section.split("\n\n", 2)[0].lines().skip(2).toList()) {
            List<String> pending = new ArrayList<>();
            List<String> last = List.of();
            Matcher code = Pattern.compile("`([^`]+)`").matcher(row.split("\\|")[1]);
            while (code.find()) {
                Matcher call = CALL.matcher(code.group(1).trim());
                if (!call.matches()) {
                    continue;
                }
                List<String> named = call.group(1) == null
                        ? List.of()
                        : List.of(call.group(1).split("[,/]\\s*"));
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
        }
        return calls;
    }

    private static String normalised(String path) {
        return path.replaceAll("\\?.*$", "").replaceAll("\\{[^}]*}", "{}");
    }
}
