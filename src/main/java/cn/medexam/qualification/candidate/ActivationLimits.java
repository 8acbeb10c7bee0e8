package cn.medexam.qualification.candidate;

import cn.medexam.qualification.system.ApiException;
import cn.medexam.qualification.system.EngineClock;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * How often one client address may ask for activation codes and try them, whichever candidates it names: the limits
 * per candidate (one code a minute, five a day, five tries a code) do not stop one address from working through many
 * candidate numbers, or sending SMS to many phones. A fixed window per address, in memory and bounded in size; the
 * answer is 429, which says nothing about any candidate.
 */
@Component
class ActivationLimits {

    static final int CODES_PER_ADDRESS = 10;
    static final Duration CODE_WINDOW = Duration.ofHours(1);
    static final int TRIES_PER_ADDRESS = 20;
    static final Duration TRY_WINDOW = Duration.ofMinutes(10);
    private static final int MAX_ADDRESSES = 100_000;

    private final EngineClock clock;
    private final Cache<String, Window> codes = newCache(CODE_WINDOW);
    private final Cache<String, Window> tries = newCache(TRY_WINDOW);

    ActivationLimits(EngineClock clock) {
        this.clock = clock;
    }

    private record Window(Instant start, int count) {}

    void codeRequested(String address) {
        count(codes, address, CODES_PER_ADDRESS, CODE_WINDOW);
    }

    void activationTried(String address) {
        count(tries, address, TRIES_PER_ADDRESS, TRY_WINDOW);
    }

    private void count(Cache<String, Window> windows, String address, int limit, Duration length) {
        Instant now = clock.now();
        Window window = windows.asMap()
                .compute(
                        address,
                        (key, current) -> current == null
                                        || !now.isBefore(current.start().plus(length))
                                        || now.isBefore(current.start())
                                ? new Window(now, 1)
                                : new Window(current.start(), current.count() + 1));
        if (window.count() > limit) {
            long minutes = Math.max(
                    1, Duration.between(now, window.start().plus(length)).toMinutes() + 1);
            throw new ApiException(
                    HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS", "来自您所在网络的激活请求过于频繁，请 " + minutes + " 分钟后再试");
        }
    }

    private static Cache<String, Window> newCache(Duration window) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_ADDRESSES)
                .expireAfterWrite(window)
                .build();
    }
}
