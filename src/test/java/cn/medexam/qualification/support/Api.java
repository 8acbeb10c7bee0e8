package cn.medexam.qualification.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Calls the application's API through MockMvc as a user, checks the status and gives the answer as JSON.
 * Tests using it carry {@link AutoConfigureMockMvc}.
 */
@Component
public class Api {

    /** Present in contexts of tests with @AutoConfigureMockMvc only. */
    @Autowired
    private ObjectProvider<MockMvc> mvc;

    @Autowired
    private ObjectMapper json;

    public JsonNode call(MockHttpServletRequestBuilder request, String user, String password, int expectedStatus)
            throws Exception {
        return body(perform(request.with(httpBasic(user, password)), expectedStatus));
    }

    public JsonNode anonymous(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        return body(perform(request, expectedStatus));
    }

    public MvcResult perform(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        MvcResult result = mvc.getObject().perform(request).andReturn();
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(expectedStatus);
        return result;
    }

    public String json(Object body) throws Exception {
        return json.writeValueAsString(body);
    }

    private JsonNode body(MvcResult result) throws Exception {
        String content = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        return content.isEmpty() || !content.startsWith("{") && !content.startsWith("[")
                ? json.nullNode()
                : json.readTree(content);
    }
}
