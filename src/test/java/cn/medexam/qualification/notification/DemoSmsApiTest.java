package cn.medexam.qualification.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The demo gateway keeps what it "sends"; administrators read it, newest first, by phone. */
@EngineTest
@AutoConfigureMockMvc
class DemoSmsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestUsers users;

    @Autowired
    CaseDriver cases;

    @Autowired
    Notifier notifier;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SmsGateway gateway;

    Applicant applicant = Applicant.shandongBachelor();

    @BeforeEach
    void callersExist() {
        users.ensureExist();
        applicant.phone = "139" + applicant.candidateNo.substring(applicant.candidateNo.length() - 8);
    }

    @Test
    void administratorsReadTheActivationCodeTheDemoGatewaySent() throws Exception {
        cases.register(applicant);
        notifier.sms(
                applicant.candidateNo, applicant.phone, "ACTIVATION_CODE", Map.of("code", "482913", "minutes", "10"));
        deliverQueuedSms();

        JsonNode sent = json.readTree(call(TestUsers.ADMIN).getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("phone").asText()).isEqualTo(applicant.phone);
        assertThat(sent.get(0).path("text").asText()).contains("激活验证码为482913", "10分钟内有效");
        assertThat(sent.get(0).path("sentAt").asText()).isNotBlank();
    }

    @Test
    void newestFirst() throws Exception {
        cases.register(applicant);
        notifier.notify(applicant.candidateNo, "CANCELLED", Map.of());
        notifier.sms(
                applicant.candidateNo, applicant.phone, "ACTIVATION_CODE", Map.of("code", "111111", "minutes", "10"));
        deliverQueuedSms();

        JsonNode sent = json.readTree(call(TestUsers.ADMIN).getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).path("text").asText()).contains("111111");
        assertThat(sent.get(1).path("text").asText()).contains("已取消");
    }

    @Test
    void aMessageSentAgainWithTheSameKeyIsKeptOnce() throws Exception {
        SmsMessage message =
                new SmsMessage("retry-" + applicant.candidateNo, applicant.phone, "CANCELLED", Map.of(), "已取消");

        gateway.send(message);
        gateway.send(message);

        assertThat(json.readTree(call(TestUsers.ADMIN).getResponse().getContentAsString(StandardCharsets.UTF_8)))
                .hasSize(1);
    }

    @Test
    void onlyAdministratorsMayRead() throws Exception {
        assertThat(call(TestUsers.REGISTRAR).getResponse().getStatus()).isEqualTo(403);
    }

    /** Runs this candidate's SMS delivery jobs, as the job executor would. */
    private void deliverQueuedSms() {
        List<String> instances = jdbc
                .sql("SELECT id FROM sms_outbox WHERE candidate_no = ?")
                .param(applicant.candidateNo)
                .query(String.class)
                .list()
                .stream()
                .map(outboxId -> runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceBusinessKey(outboxId)
                        .singleResult()
                        .getId())
                .toList();
        instances.forEach(instance -> managementService.executeJob(managementService
                .createJobQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId()));
    }

    private MvcResult call(String user) throws Exception {
        return mvc.perform(get("/api/admin/demo-sms")
                        .param("phone", applicant.phone)
                        .with(httpBasic(user, TestUsers.PASSWORD)))
                .andReturn();
    }
}
