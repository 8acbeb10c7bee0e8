package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;

/**
 * Actuator for the office's IT: health with liveness and readiness (the database among them) and Prometheus metrics
 * with the engine's jobs and incidents and the SMS backlog, for administrators and the monitoring group; a
 * candidate, a reviewer or an anonymous caller gets nothing.
 */
@EngineTest
@AutoConfigureMockMvc
@AutoConfigureObservability
class ActuatorTest {

    static final String MONITOR = "test-monitoring";
    static final String CANDIDATE = "test-actuator-candidate";

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    IdentityService identityService;

    @BeforeEach
    void users() {
        users.ensureExist();
        user(MONITOR, ReviewGroups.MONITORING);
        user(CANDIDATE, ReviewGroups.CANDIDATES);
    }

    @Test
    void healthWithTheDatabaseForStaff() throws Exception {
        JsonNode health = api.call(get("/actuator/health"), TestUsers.ADMIN, TestUsers.PASSWORD, 200);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        JsonNode readiness = api.call(get("/actuator/health/readiness"), MONITOR, TestUsers.PASSWORD, 200);
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").has("db")).isTrue();
        JsonNode liveness = api.call(get("/actuator/health/liveness"), MONITOR, TestUsers.PASSWORD, 200);
        assertThat(liveness.path("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsOfTheEngineAndTheSmsOutbox() throws Exception {
        String metrics = api.perform(get("/actuator/prometheus").with(httpBasic(MONITOR, TestUsers.PASSWORD)), 200)
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(metrics)
                .contains(
                        "camunda_jobs_acquired_total",
                        "camunda_jobs_executed_total",
                        "camunda_jobs_failed_total",
                        "camunda_incidents_open",
                        "camunda_jobs_due",
                        "qr_sms_outbox_pending",
                        "hikaricp_connections_active",
                        "jvm_memory_used_bytes");
    }

    @Test
    void nobodyElseGetsActuatorData() throws Exception {
        for (String path :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/prometheus", "/actuator"}) {
            assertThat(api.anonymous(get(path), 401).toString()).doesNotContain("UP", "camunda");
            assertThat(api.call(get(path), CANDIDATE, TestUsers.PASSWORD, 403).toString())
                    .doesNotContain("UP", "camunda");
            api.call(get(path), TestUsers.SITE_REVIEWER, TestUsers.PASSWORD, 403);
            api.call(get(path), TestUsers.REGISTRAR, TestUsers.PASSWORD, 403);
        }
    }

    private void user(String id, String group) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return;
        }
        if (identityService.createGroupQuery().groupId(group).count() == 0) {
            identityService.saveGroup(identityService.newGroup(group));
        }
        User user = identityService.newUser(id);
        user.setFirstName("测试");
        user.setLastName("");
        user.setPassword(TestUsers.PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(id, group);
    }
}
