package cn.medexam.qualification.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.medexam.qualification.support.Api;
import cn.medexam.qualification.support.EngineTest;
import cn.medexam.qualification.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;

/** The review form's common return reasons come from the configuration, in its order. */
@EngineTest
@AutoConfigureMockMvc
class ReturnReasonsTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    ReturnReasons configured;

    @BeforeEach
    void reviewersExist() {
        users.ensureExist();
    }

    @Test
    void aReviewerOpeningTheFormGetsTheConfiguredReasonsInOrder() throws Exception {
        JsonNode answer = api.call(get("/api/review/return-reasons"), TestUsers.SITE_REVIEWER, TestUsers.PASSWORD, 200);

        List<String> reasons = new ArrayList<>();
        answer.forEach(reason -> reasons.add(reason.asText()));
        assertThat(reasons)
                .isEqualTo(configured.returnReasons())
                .hasSize(5)
                .startsWith("毕业证编号无法辨别，请重新上传！")
                .allSatisfy(reason -> assertThat(reason).contains("请"));
    }

    @Test
    void nobodyWithoutALoginGetsThem() throws Exception {
        api.anonymous(get("/api/review/return-reasons"), 401);
    }
}
