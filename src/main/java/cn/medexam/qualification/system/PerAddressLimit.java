package cn.medexam.qualification.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * At most {@code limit} requests per client address in a fixed window, in memory and bounded in size, on the
 * engine's clock (tests move it). For public calls that cost the server work (the photo check decodes an image) or
 * answer about a code (the notice check): the answer to one address past its limit says nothing else.
 */
public final class PerAddressLimit {

    private static final int MAX_ADDRESSES = 100_000;

    private record Window(Instant start, int count) {}

    private final int limit;
    private final Duration window;
    private final EngineClock clock;
    private final Cache<String, Window> windows;

    public PerAddressLimit(int limit, Duration window, EngineClock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.windows = Caffeine.newBuilder()
                .maximumSize(MAX_ADDRESSES)
                .expireAfterWrite(window)
                .build();
    }

    /**
     * Counts one request of the address.
     *
     * @return empty while within the limit; past it, the whole minutes until the window ends (at least 1)
     */
    public OptionalLong count(String address) {
        Instant now = clock.now();
        Window current = windows.asMap()
                .compute(
                        address,
                        (key, old) ->
                                old == null || !now.isBefore(old.start().plus(window)) || now.isBefore(old.start())
                                        ? new Window(now, 1)
                                        : new Window(old.start(), old.count() + 1));
        if (current.count() <= limit) {
            return OptionalLong.empty();
        }
        long seconds = Duration.between(now, current.start().plus(window)).toSeconds();
        return OptionalLong.of(Math.max(1, (seconds + 59) / 60));
    }
}
