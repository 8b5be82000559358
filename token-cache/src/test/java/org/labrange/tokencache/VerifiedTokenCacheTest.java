package org.labrange.tokencache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    /** A verifier that accepts tokens named "good-<exp seconds>" and counts how often it is asked. */
    private static final class CountingVerifier extends DefaultJWTParser {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.incrementAndGet();
            if (!token.startsWith("good-")) {
                throw new ParseException("signature does not verify");
            }
            String[] times = token.substring("good-".length()).split("-iat-");
            long exp = Long.parseLong(times[0]);
            Long iat = times.length > 1 ? Long.valueOf(times[1]) : null;
            return new JsonWebToken() {
                @Override
                public String getName() {
                    return token;
                }

                @Override
                public Set<String> getClaimNames() {
                    return iat == null ? new HashSet<>(Set.of("exp")) : new HashSet<>(Set.of("exp", "iat"));
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T> T getClaim(String claim) {
                    return "exp".equals(claim) ? (T) Long.valueOf(exp) : "iat".equals(claim) ? (T) iat : null;
                }
            };
        }
    }

    private final CountingVerifier verifier = new CountingVerifier();
    private final MutableClock clock = new MutableClock();
    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, clock, 3, Duration.ofMinutes(1));
    private final String inAnHour = "good-" + NOW.plusSeconds(3600).getEpochSecond();

    @Test
    void aTokenIssuedInTheFutureBeyondTheClockSkewIsRefusedAndNotRemembered() throws ParseException {
        long exp = NOW.plusSeconds(7200).getEpochSecond();
        String tomorrow = "good-" + exp + "-iat-" + NOW.plusSeconds(3600).getEpochSecond();
        assertThrows(ParseException.class, () -> cache.parse(tomorrow));
        assertEquals(0, cache.size());
        String withinSkew = "good-" + exp + "-iat-" + NOW.plusSeconds(30).getEpochSecond();
        cache.parse(withinSkew);
        assertEquals(1, cache.size());
    }

    @Test
    void aTokenIsVerifiedOnceAndThenRecognised() throws ParseException {
        JsonWebToken first = cache.parse(inAnHour);
        assertSame(first, cache.parse(inAnHour));
        assertEquals(1, verifier.calls.get());
    }

    @Test
    void aRejectedTokenIsRejectedEveryTimeAndNeverRemembered() {
        assertThrows(ParseException.class, () -> cache.parse("forged"));
        assertThrows(ParseException.class, () -> cache.parse("forged"));
        assertEquals(2, verifier.calls.get());
        assertEquals(0, cache.size());
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterMaxAge() throws ParseException {
        cache.parse(inAnHour);
        clock.now = NOW.plusSeconds(61);
        cache.parse(inAnHour);
        assertEquals(2, verifier.calls.get());
    }

    @Test
    void aTokenIsNeverServedFromMemoryPastItsExpiry() throws ParseException {
        String inTenSeconds = "good-" + NOW.plusSeconds(10).getEpochSecond();
        cache.parse(inTenSeconds);
        clock.now = NOW.plusSeconds(10);
        cache.parse(inTenSeconds);
        assertEquals(2, verifier.calls.get(), "at exp the verifier decides again (it applies its clock skew)");
    }

    @Test
    void theCacheNeverHoldsMoreThanMaxEntries() throws ParseException {
        for (int i = 0; i < 10; i++) {
            cache.parse("good-" + (NOW.getEpochSecond() + 3600 + i));
            assertTrue(cache.size() <= 3, "size " + cache.size());
        }
    }

    private static final class MutableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
