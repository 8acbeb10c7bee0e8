package cn.medexam.qualification.system;

import java.time.Duration;
import org.springframework.security.authentication.AccountStatusException;

/**
 * A login refused, without checking the password, because its account or client address must wait. An
 * {@link AccountStatusException}, so that Spring's ProviderManager ends the authentication here.
 */
public class LoginThrottledException extends AccountStatusException {

    private final long retryAfterSeconds;

    public LoginThrottledException(Duration wait) {
        this(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    private LoginThrottledException(long retryAfterSeconds) {
        super("登录尝试过于频繁，请 " + retryAfterSeconds + " 秒后再试");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
