package cn.medexam.qualification.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.Candidates;
import cn.medexam.qualification.support.CaseDriver;
import cn.medexam.qualification.support.EngineTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/** A browser logs in once and keeps a session; its state-changing calls must carry the QR-XSRF-TOKEN. */
@EngineTest
@AutoConfigureMockMvc
class SessionLoginTest {

    @Autowired
    Api api;

    @Autowired
    Candidates candidates;

    @Autowired
    CaseDriver cases;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aSessionServesTheCandidateAndItsWritesNeedTheXsrfToken() throws Exception {
        cases.clockAt(CaseDriver.DURING_UPLOAD);
        Applicant applicant = candidates.activated(Applicant.shandongBachelor());

        MvcResult login = api.perform(
                post("/api/login").param("username", applicant.candidateNo).param("password", Candidates.PASSWORD),
                204);
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);

        MvcResult read = api.perform(get("/api/me/case").session(session), 200);
        Cookie xsrf = read.getResponse().getCookie("QR-XSRF-TOKEN");
        assertThat(xsrf).isNotNull();
        api.perform(post("/api/me/submission").session(session), 403);
        api.perform(
                post("/api/me/submission").session(session).cookie(xsrf).header("X-QR-XSRF-TOKEN", xsrf.getValue()),
                422);

        api.perform(post("/api/logout").session(session).cookie(xsrf).header("X-QR-XSRF-TOKEN", xsrf.getValue()), 204);
        api.perform(get("/api/me/case").session(session), 401);
    }

    @Test
    void aWrongPasswordIsAChineseRefusal() throws Exception {
        assertThat(api.perform(post("/api/login").param("username", "nobody").param("password", "guess"), 401)
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("用户名或密码错误");
    }
}
