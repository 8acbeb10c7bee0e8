package cn.medexam.qualification.candidate;

import cn.medexam.qualification.notification.Notifier;
import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.system.ApiError.FieldError;
import cn.medexam.qualification.system.DomainException;
import cn.medexam.qualification.system.EngineClock;
import cn.medexam.qualification.system.IdentityProvisioning;
import cn.medexam.qualification.system.InvalidInputException;
import cn.medexam.qualification.system.PasswordRules;
import cn.medexam.qualification.system.ReviewGroups;
import cn.medexam.qualification.system.ReviewProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 激活用户: candidate number + ID number + a one-time code sent by SMS to the registration phone set the
 * candidate's password and make them a Camunda user of group candidates. Whether a candidate exists is never
 * revealed: a code request always looks accepted, a wrong number and a wrong code get the same answer.
 */
@Service
public class ActivationService {

    static final Duration CODE_VALIDITY = Duration.ofMinutes(10);
    static final Duration RESEND_INTERVAL = Duration.ofSeconds(60);
    static final int CODES_PER_DAY = 5;
    static final int TRIES_PER_CODE = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Registrations registrations;
    private final Notifier notifier;
    private final IdentityService identityService;
    private final JdbcClient jdbc;
    private final EngineClock clock;
    private final ReviewProperties properties;
    private final Profiles profiles;
    private final IdentityProvisioning accounts;
    private final AuthorizationService authorizationService;

    ActivationService(
            Registrations registrations,
            Notifier notifier,
            IdentityService identityService,
            JdbcClient jdbc,
            EngineClock clock,
            ReviewProperties properties,
            Profiles profiles,
            IdentityProvisioning accounts,
            AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
        this.profiles = profiles;
        this.accounts = accounts;
        this.registrations = registrations;
        this.notifier = notifier;
        this.identityService = identityService;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    private record CodeRow(
            String codeHash, Instant expiresAt, int failedTries, Instant sentAt, int sentToday, Instant usedAt) {}

    @Transactional
    public void requestCode(String candidateNo, String idNumber) {
        Optional<Registration> registration =
                registrations.find(candidateNo).filter(r -> r.idNumber().equalsIgnoreCase(idNumber));
        // a staff account never gets a code, so its password can never be set here
        if (registration.isEmpty() || accounts.isStaffAccount(candidateNo)) {
            return;
        }
        Instant now = clock.now();
        Optional<CodeRow> previous = row(candidateNo);
        if (previous.isPresent()
                && previous.get().sentAt().plus(RESEND_INTERVAL).isAfter(now)) {
            return;
        }
        int sentToday = previous.filter(p -> sameDay(p.sentAt(), now))
                .map(p -> p.sentToday() + 1)
                .orElse(1);
        if (sentToday > CODES_PER_DAY) {
            return;
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        jdbc.sql("DELETE FROM activation_code WHERE candidate_no = ?")
                .param(candidateNo)
                .update();
        jdbc.sql("""
                        INSERT INTO activation_code (candidate_no, code_hash, expires_at, failed_tries, sent_at, sent_today)
                        VALUES (?, ?, ?, 0, ?, ?)""")
                .params(
                        candidateNo,
                        hash(candidateNo, code),
                        Timestamp.from(now.plus(CODE_VALIDITY)),
                        Timestamp.from(now),
                        sentToday)
                .update();
        notifier.sms(
                candidateNo,
                registration.get().phone(),
                "ACTIVATION_CODE",
                Map.of("code", code, "minutes", String.valueOf(CODE_VALIDITY.toMinutes())),
                now.plus(CODE_VALIDITY));
    }

    /** A wrong try is counted even though the call fails, hence no rollback for the refusal. */
    @Transactional(noRollbackFor = DomainException.class)
    public void activate(String candidateNo, String idNumber, String code, String password) {
        checkPassword(password);
        Registration registration = registrations
                .find(candidateNo)
                .filter(r -> r.idNumber().equalsIgnoreCase(idNumber))
                .orElseThrow(ActivationService::invalidCode);
        CodeRow row = row(candidateNo).orElseThrow(ActivationService::invalidCode);
        Instant now = clock.now();
        if (row.usedAt() != null || !row.expiresAt().isAfter(now) || row.failedTries() >= TRIES_PER_CODE) {
            throw invalidCode();
        }
        if (!row.codeHash().equals(hash(candidateNo, code))) {
            jdbc.sql("UPDATE activation_code SET failed_tries = failed_tries + 1 WHERE candidate_no = ?")
                    .param(candidateNo)
                    .update();
            throw invalidCode();
        }
        jdbc.sql("UPDATE activation_code SET used_at = ? WHERE candidate_no = ?")
                .params(Timestamp.from(now), candidateNo)
                .update();
        saveUser(registration, password);
        profiles.createIfMissing(candidateNo, registration.phone(), now);
    }

    /** What {@link #erase} deleted. */
    public record Erased(int activationCodes, int profiles, int accounts) {}

    /**
     * Deletes these candidates' activation codes, profiles and Camunda accounts (their login, its group membership
     * and any permission given to them), in the caller's transaction (retention of a campaign's data). An account
     * that is not a candidate's ({@link IdentityProvisioning#isStaffAccount}) is never touched. Runs without a
     * person's authentication, as the application's own work, so the engine's account rules let it pass.
     */
    public Erased erase(Collection<String> candidateNos) {
        if (candidateNos.isEmpty()) {
            return new Erased(0, 0, 0);
        }
        int codes = jdbc.sql("DELETE FROM activation_code WHERE candidate_no IN (:candidateNos)")
                .param("candidateNos", candidateNos)
                .update();
        int deletedProfiles = profiles.deleteOf(candidateNos);
        int deletedAccounts = 0;
        for (String candidateNo : candidateNos) {
            if (identityService.createUserQuery().userId(candidateNo).count() == 0
                    || accounts.isStaffAccount(candidateNo)) {
                continue;
            }
            authorizationService
                    .createAuthorizationQuery()
                    .userIdIn(candidateNo)
                    .list()
                    .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
            identityService.deleteUser(candidateNo);
            deletedAccounts++;
        }
        return new Erased(codes, deletedProfiles, deletedAccounts);
    }

    private void saveUser(Registration registration, String password) {
        if (accounts.isStaffAccount(registration.candidateNo())) {
            throw DomainException.conflict("NOT_A_CANDIDATE_ACCOUNT", "该考生编号对应的账号不是考生账号，不能激活；请联系考区管理员");
        }
        User user = identityService
                .createUserQuery()
                .userId(registration.candidateNo())
                .singleResult();
        if (user == null) {
            user = identityService.newUser(registration.candidateNo());
            user.setFirstName(registration.name());
            user.setLastName("");
        }
        user.setPassword(password);
        identityService.saveUser(user);
        if (identityService
                        .createUserQuery()
                        .userId(registration.candidateNo())
                        .memberOfGroup(ReviewGroups.CANDIDATES)
                        .count()
                == 0) {
            identityService.createMembership(registration.candidateNo(), ReviewGroups.CANDIDATES);
        }
    }

    private Optional<CodeRow> row(String candidateNo) {
        return jdbc.sql("""
                        SELECT code_hash, expires_at, failed_tries, sent_at, sent_today, used_at
                          FROM activation_code WHERE candidate_no = ?""")
                .param(candidateNo)
                .query((rs, n) -> new CodeRow(
                        rs.getString("code_hash"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getInt("failed_tries"),
                        rs.getTimestamp("sent_at").toInstant(),
                        rs.getInt("sent_today"),
                        rs.getTimestamp("used_at") == null
                                ? null
                                : rs.getTimestamp("used_at").toInstant()))
                .optional();
    }

    private boolean sameDay(Instant a, Instant b) {
        return a.atZone(properties.timeZone())
                .toLocalDate()
                .equals(b.atZone(properties.timeZone()).toLocalDate());
    }

    private static void checkPassword(String password) {
        if (!PasswordRules.accepts(password)) {
            throw new InvalidInputException(List.of(new FieldError("password", PasswordRules.MESSAGE)));
        }
    }

    private static DomainException invalidCode() {
        return DomainException.unprocessable("ACTIVATION_CODE_INVALID", "验证码错误或已过期，请核对考生编号、证件号码和验证码，或重新获取验证码");
    }

    private static String hash(String candidateNo, String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((candidateNo + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
