package cn.medexam.qualification.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting a stranger lock anyone out. Wrong passwords are counted per
 * (account, client address) and per client address; after a few free ones each further try must wait
 * twice as long as the one before, up to {@link #MAX_DELAY}. While an address waits its logins are refused
 * without looking at the password, but the same account logs in from any other address. Nothing sleeps: a refusal
 * says how long to wait.
 *
 * <p>Checks running at the same moment are counted too, so parallel guesses cannot slip past the count (see
 * {@link #reserve}). State is in memory, bounded in size (Caffeine); a record older than
 * {@link #FORGET_AFTER} — or from the future, when the clock was set back — is forgotten.
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES_PER_ACCOUNT = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final int MAX_PARALLEL_CHECKS = 32;
    private static final int MAX_ENTRIES = 100_000;

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final EngineClock clock;
    private final Cache<String, Failures> perAccount = newCache();
    private final Cache<String, Failures> perAddress = newCache();

    public LoginThrottle(EngineClock clock) {
        this.clock = clock;
    }

    /** Wrong passwords since the last forgetting, when the last one was, and the checks running right now. */
    private record Failures(int count, Instant last, int running) {

        Optional<Duration> wait(int free, Instant now) {
            if (count < free) {
                return Optional.empty();
            }
            Duration until = Duration.between(now, last.plus(delay(count - free)));
            return until.isNegative() || until.isZero() ? Optional.empty() : Optional.of(until);
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
        reserve(perAddress, address, FREE_FAILURES_PER_ADDRESS, now);
        try {
            reserve(perAccount, account, FREE_FAILURES_PER_ACCOUNT, now);
        } catch (LoginThrottledException e) {
            settle(perAddress, address, FREE_FAILURES_PER_ADDRESS, Outcome.NONE, now, userId, address);
            throw e;
        }
        Outcome outcome = Outcome.NONE;
        try {
            boolean right = check.getAsBoolean();
            outcome = right ? Outcome.RIGHT : Outcome.WRONG;
            return right;
        } finally {
            settle(perAccount, account, FREE_FAILURES_PER_ACCOUNT, outcome, now, userId, address);
            // a right password clears the account's count at this address, not the address's own
            settle(
                    perAddress,
                    address,
                    FREE_FAILURES_PER_ADDRESS,
                    outcome == Outcome.RIGHT ? Outcome.NONE : outcome,
                    now,
                    userId,
                    address);
        }
    }

    private enum Outcome {
        RIGHT,
        WRONG,
        NONE
    }

    /**
     * Lets the check run unless the key must wait for its failures, or too many checks run at once: once there were
     * failures, no more than the free ones left (parallel guesses cannot slip past the count); before that up to
     * {@link #MAX_PARALLEL_CHECKS}, so that a system sending parallel requests with HTTP Basic (each one checked) is
     * never refused for its own concurrency.
     */
    private void reserve(Cache<String, Failures> cache, String key, int free, Instant now) {
        Duration[] refused = new Duration[1];
        cache.asMap().compute(key, (k, old) -> {
            Failures current = current(old, now);
            Optional<Duration> wait = current.wait(free, now);
            // past the free failures one check at a time; before, only as many as are left; with none, a system's
            // parallel requests
            boolean crowded = current.count() >= free
                    ? current.running() > 0
                    : current.count() > 0
                            ? current.count() + current.running() >= free
                            : current.running() >= MAX_PARALLEL_CHECKS;
            if (wait.isEmpty() && crowded) {
                wait = Optional.of(FIRST_DELAY);
            }
            if (wait.isPresent()) {
                refused[0] = wait.get();
                return current;
            }
            return new Failures(current.count(), current.last(), current.running() + 1);
        });
        if (refused[0] != null) {
            throw new LoginThrottledException(refused[0]);
        }
    }

    private void settle(
            Cache<String, Failures> cache,
            String key,
            int free,
            Outcome outcome,
            Instant now,
            String userId,
            String address) {
        cache.asMap().computeIfPresent(key, (k, old) -> {
            Failures current = current(old, now);
            int running = Math.max(0, current.running() - 1);
            int count = switch (outcome) {
                case RIGHT -> 0;
                case WRONG -> current.count() + 1;
                case NONE -> current.count();
            };
            if (outcome == Outcome.WRONG && count == free) {
                log.warn("login attempts for user {} from {} are now throttled", userId, address);
            }
            return count == 0 && running == 0
                    ? null
                    : new Failures(count, outcome == Outcome.WRONG ? now : current.last(), running);
        });
    }

    /** A record older than {@link #FORGET_AFTER}, or from the future when the clock was set back, is forgotten. */
    private static Failures current(Failures old, Instant now) {
        if (old == null || now.isBefore(old.last()) || !now.isBefore(old.last().plus(FORGET_AFTER))) {
            return new Failures(0, now, old == null ? 0 : old.running());
        }
        return old;
    }

    /** {@link #FIRST_DELAY} after the first failure that is not free, doubling up to {@link #MAX_DELAY}. */
    static Duration delay(int beyondFree) {
        int doublings = Math.min(beyondFree, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static Cache<String, Failures> newCache() {
        return Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(FORGET_AFTER)
                .build();
    }
}
