package cn.medexam.qualification.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;

/** 激活用户 and 完善个人信息, as a candidate does them. */
@EngineTest
@AutoConfigureMockMvc
class ActivationApiTest {

    @Autowired
    Api api;

    @Autowired
    Candidates candidates;

    @Autowired
    CaseDriver cases;

    Applicant applicant = Applicant.shandongBachelor();

    @BeforeEach
    void duringUpload() {
        cases.clockAt(CaseDriver.DURING_UPLOAD);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCodeGoesToTheRegistrationPhoneAndSetsThePassword() throws Exception {
        cases.register(applicant);

        candidates.requestCode(applicant);
        candidates.activate(applicant, candidates.lastCode(applicant), 204);

        JsonNode myCase = api.call(get("/api/me/case"), applicant.candidateNo, Candidates.PASSWORD, 200);
        assertThat(myCase.path("candidateNo").asText()).isEqualTo(applicant.candidateNo);
        assertThat(myCase.path("status").asText()).isEqualTo("NOT_SUBMITTED");
        assertThat(myCase.path("deadlines").path("upload").asText()).isEqualTo("2026-02-10");
    }

    @Test
    void nobodyLearnsWhetherACandidateExists() throws Exception {
        cases.register(applicant);
        Applicant stranger = Applicant.shandongBachelor();

        candidates.requestCode(stranger);
        applicant.idNumber = "110101199001019999";
        candidates.requestCode(applicant);

        assertThat(candidates.activationSmsCount(applicant)).isZero();
        candidates.activate(stranger, "123456", 422);
    }

    @Test
    void aWrongCodeIsRefusedAndFiveWrongTriesKillTheCode() throws Exception {
        cases.register(applicant);
        candidates.requestCode(applicant);
        String code = candidates.lastCode(applicant);
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int attempt = 0; attempt < 5; attempt++) {
            candidates.activate(applicant, wrong, 422);
        }

        candidates.activate(applicant, code, 422);
    }

    @Test
    void aCodeExpiresAfterTenMinutes() throws Exception {
        cases.register(applicant);
        candidates.requestCode(applicant);
        String code = candidates.lastCode(applicant);

        ClockUtil.setCurrentTime(Date.from(cases.now().plus(Duration.ofMinutes(10))));

        candidates.activate(applicant, code, 422);
    }

    @Test
    void codesAreSentAtMostOnceAMinuteAndFiveTimesADay() throws Exception {
        cases.register(applicant);
        candidates.requestCode(applicant);
        candidates.requestCode(applicant);
        assertThat(candidates.activationSmsCount(applicant)).isEqualTo(1);

        for (int minute = 1; minute <= 6; minute++) {
            ClockUtil.setCurrentTime(Date.from(cases.now().plus(Duration.ofSeconds(61))));
            candidates.requestCode(applicant);
        }

        assertThat(candidates.activationSmsCount(applicant)).isEqualTo(5);
    }

    @Test
    void aWeakPasswordIsRefusedWithTheRuleInChinese() throws Exception {
        cases.register(applicant);
        candidates.requestCode(applicant);

        JsonNode refused = api.anonymous(
                post("/api/candidate/activation")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(api.json(Map.of(
                                "candidateNo",
                                applicant.candidateNo,
                                "idNumber",
                                applicant.idNumber,
                                "code",
                                candidates.lastCode(applicant),
                                "password",
                                "12345678"))),
                400);

        assertThat(refused.path("errors").findValuesAsText("field")).containsExactly("password");
        assertThat(refused.path("message").asText()).contains("字母和数字");
    }

    @Test
    void contactDataIsTheCandidatesToKeepAndTheIdNumberIsShownMasked() throws Exception {
        candidates.activated(applicant);

        JsonNode profile = api.call(get("/api/me/profile"), applicant.candidateNo, Candidates.PASSWORD, 200);
        assertThat(profile.path("idNumber").asText()).isEqualTo("3701**********1234");
        assertThat(profile.path("phone").asText()).isEqualTo(applicant.phone);

        api.call(
                put("/api/me/profile").contentType(MediaType.APPLICATION_JSON).content("{\"phone\":\"12345\"}"),
                applicant.candidateNo,
                Candidates.PASSWORD,
                400);
        JsonNode changed = api.call(
                put("/api/me/profile")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"13912345678\",\"contactAddress\":\"济南市历下区经十路 1 号\"}"),
                applicant.candidateNo,
                Candidates.PASSWORD,
                200);
        assertThat(changed.path("phone").asText()).isEqualTo("13912345678");
        assertThat(changed.path("contactAddress").asText()).isEqualTo("济南市历下区经十路 1 号");
        assertThat(changed.path("name").asText()).isEqualTo(applicant.name);
    }

    @Test
    void oneAddressAsksForAtMostTenCodesAnHourWhicheverCandidatesItNames() throws Exception {
        for (int i = 0; i < ActivationLimits.CODES_PER_ADDRESS; i++) {
            codeRequestFrom("127.1.2.3", Applicant.shandongBachelor(), 202);
        }

        JsonNode refused = codeRequestFrom("127.1.2.3", applicant, 429);
        assertThat(refused.path("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(refused.path("message").asText()).contains("请", "分钟后再试");
        codeRequestFrom("127.1.2.4", applicant, 202);

        ClockUtil.setCurrentTime(Date.from(cases.now().plus(ActivationLimits.CODE_WINDOW)));
        codeRequestFrom("127.1.2.3", applicant, 202);
    }

    @Test
    void oneAddressTriesAtMostTwentyCodesInTenMinutes() throws Exception {
        cases.register(applicant);
        for (int i = 0; i < ActivationLimits.TRIES_PER_ADDRESS; i++) {
            activationFrom("127.1.3.3", Applicant.shandongBachelor(), 422);
        }

        assertThat(activationFrom("127.1.3.3", applicant, 429).path("code").asText())
                .isEqualTo("TOO_MANY_REQUESTS");
        // the candidate's own phone is another address
        candidates.requestCode(applicant);
        candidates.activate(applicant, candidates.lastCode(applicant), 204);
    }

    private JsonNode codeRequestFrom(String address, Applicant someone, int expectedStatus) throws Exception {
        return api.anonymous(
                post("/api/candidate/activation/code")
                        .with(Candidates.fromAddress(address))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(api.json(Map.of("candidateNo", someone.candidateNo, "idNumber", someone.idNumber))),
                expectedStatus);
    }

    private JsonNode activationFrom(String address, Applicant someone, int expectedStatus) throws Exception {
        return api.anonymous(
                post("/api/candidate/activation")
                        .with(Candidates.fromAddress(address))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(api.json(Map.of(
                                "candidateNo",
                                someone.candidateNo,
                                "idNumber",
                                someone.idNumber,
                                "code",
                                "000000",
                                "password",
                                Candidates.PASSWORD))),
                expectedStatus);
    }
}
