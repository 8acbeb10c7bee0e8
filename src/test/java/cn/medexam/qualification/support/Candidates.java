package cn.medexam.qualification.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Candidates who activated their account the way a person does: code by SMS, then a password. */
@Component
public class Candidates {

    public static final String PASSWORD = "Kaosheng2026";
    private static final Pattern CODE = Pattern.compile("验证码为([0-9]{6})");

    private final Api api;
    private final CaseDriver cases;
    private final JdbcClient jdbc;

    Candidates(Api api, CaseDriver cases, JdbcClient jdbc) {
        this.api = api;
        this.cases = cases;
        this.jdbc = jdbc;
    }

    /** Registered, activated, logged in with {@link #PASSWORD}. */
    public Applicant activated(Applicant applicant) throws Exception {
        cases.register(applicant);
        requestCode(applicant);
        activate(applicant, lastCode(applicant), 204);
        return applicant;
    }

    public void requestCode(Applicant applicant) throws Exception {
        api.anonymous(
                post("/api/candidate/activation/code")
                        .with(fromTheirOwnPhone(applicant))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                api.json(Map.of("candidateNo", applicant.candidateNo, "idNumber", applicant.idNumber))),
                202);
    }

    public void activate(Applicant applicant, String code, int expectedStatus) throws Exception {
        api.anonymous(
                post("/api/candidate/activation")
                        .with(fromTheirOwnPhone(applicant))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(api.json(Map.of(
                                "candidateNo",
                                applicant.candidateNo,
                                "idNumber",
                                applicant.idNumber,
                                "code",
                                code,
                                "password",
                                PASSWORD))),
                expectedStatus);
    }

    /**
     * Each candidate activates from an address of their own, as candidates do from their phones; the limits per
     * client address (candidate.ActivationLimits) are tested on their own.
     */
    public static RequestPostProcessor fromTheirOwnPhone(Applicant applicant) {
        int hash = applicant.candidateNo.hashCode();
        return fromAddress("127." + (hash >>> 16 & 0xff) + "." + (hash >>> 8 & 0xff) + "." + (hash & 0xfe | 1));
    }

    /** A request from this client address. */
    public static RequestPostProcessor fromAddress(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The code in the newest activation SMS queued for the candidate (what their phone would show). */
    public String lastCode(Applicant applicant) {
        String text = jdbc.sql("""
                        SELECT text FROM sms_outbox WHERE candidate_no = ? AND kind = 'ACTIVATION_CODE' ORDER BY seq DESC""").param(applicant.candidateNo).query(String.class).list().stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no activation SMS for " + applicant.candidateNo));
        Matcher code = CODE.matcher(text);
        if (!code.find()) {
            throw new AssertionError("no code in " + text);
        }
        return code.group(1);
    }

    public int activationSmsCount(Applicant applicant) {
        return jdbc.sql("SELECT COUNT(*) FROM sms_outbox WHERE candidate_no = ? AND kind = 'ACTIVATION_CODE'")
                .param(applicant.candidateNo)
                .query(Integer.class)
                .single();
    }
}
