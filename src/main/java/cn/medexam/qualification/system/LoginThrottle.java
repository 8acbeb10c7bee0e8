package cn.medexam.qualification.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows down password guessing without letting a stranger lock anyone out. Wrong passwords are counted per
 * (account, client address) and per client address; after a few free ones each further try must wait
 * twice as long as the one before, up to {@link #MAX_DELAY}. While an address waits its logins are refused
 * without looking at the password, but the same account logs in from any other address. Nothing sleeps: a refusal
 * says how long to wait.
 *
 * <p>Every try is counted as a failure before the password is checked and taken back when it was right, so
 * parallel guesses cannot slip past the count. State is in memory, bounded in size (Caffeine); a record older than
 * {@link #FORGET_AFTER} — or from the future, when the clock was set back — is forgotten.
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES_PER_ACCOUNT = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_ENTRIES = 100_000;

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final EngineClock clock;
    private final Cache<String, Failures> perAccount = newCache();
    private final Cache<String, Failures> perAddress = newCache();

    public LoginThrottle(EngineClock clock) {
        this.clock = clock;
    }

    /** Wrong passwords since the last forgetting, and when the last try was. */
    private record Failures(int count, Instant last) {

        Optional<Duration> wait(int free, Instant now) {
            if (count < free) {
                return Optional.empty();
            }
            Duration until = Duration.between(now, last.plus(delay(count - free)));
            return until.isNegative() || until.isZero() ? Optional.empty() : Optional.of(until);
        }

        Failures plusOne(Instant now) {
            return new Failures(count + 1, now);
        }

        Failures minusOne() {
            return count <= 1 ? null : new Failures(count - 1, last);
        }
    }

    /**
     * Runs the password check unless the account or the address must wait.
     *
     * @throws LoginThrottledException while they must, without calling {@code check}
     */
    public boolean attempt(String userId, String address, java.util.function.BooleanSupplier check) {
        Instant now = clock.now();
        String account = userId + "\u0000" + address;
        reserve(perAddress, address, FREE_FAILURES_PER_ADDRESS, now, userId, address);
        try {
            reserve(perAccount, account, FREE_FAILURES_PER_ACCOUNT, now, userId, address);
        } catch (LoginThrottledException e) {
            release(perAddress, address);
            throw e;
        }
        boolean right = check.getAsBoolean();
        if (right) {
            perAccount.invalidate(account);
            release(perAddress, address);
        }
        return right;
    }

    /** Counts the try as a failure, unless the key must wait: then nothing is counted and the caller is refused. */
    private void reserve(Cache<String, Failures> cache, String key, int free, Instant now, String userId, String address) {
        Duration[] refused = new Duration[1];
        cache.asMap().compute(key, (k, old) -> {
            Failures current = old == null || now.isBefore(old.last()) || !now.isBefore(old.last().plus(FORGET_AFTER))
                    ? new Failures(0, now) : old;
            Optional<Duration> wait = current.wait(free, now);
            if (wait.isPresent()) {
                refused[0] = wait.get();
                return current;
            }
            Failures next = current.plusOne(now);
            if (next.count() == free) {
                log.warn("login attempts for user {} from {} are now throttled", userId, address);
            }
            return next;
        });
        if (refused[0] != null) {
            throw new LoginThrottledException(refused[0]);
        }
    }

    private static void release(Cache<String, Failures> cache, String key) {
        cache.asMap().computeIfPresent(key, (k, old) -> old.minusOne());
    }

    /** {@link #FIRST_DELAY} after the first failure that is not free, doubling up to {@link #MAX_DELAY}. */
    static Duration delay(int beyondFree) {
        int doublings = Math.min(beyondFree, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static Cache<String, Failures> newCache() {
        return Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(FORGET_AFTER).build();
    }
}
