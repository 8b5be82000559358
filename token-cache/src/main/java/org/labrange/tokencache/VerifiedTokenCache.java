package org.labrange.tokencache;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers bearer tokens whose signature and claims smallrye-jwt has already verified, so that a client
 * sending the same token on every request pays for one RSA verification, not one per request (profiling showed
 * verification at 22–31 % of each service's CPU).
 *
 * <p>Safe because the key is the whole token, signature included: a hit is byte for byte a token that passed
 * every check. A remembered token is used only until the earlier of its {@code exp} and {@code max-age} after
 * its verification; then it is verified again (so a rotated key takes effect within {@code max-age}).
 * Rejections are never remembered. Past {@code max-entries} the cache is emptied and starts over.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private record Verified(JsonWebToken token, Instant until) {}

    private final JWTParser verifier;
    private final Clock clock;
    private final int maxEntries;
    private final Duration maxAge;
    private final Duration clockSkew;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    VerifiedTokenCache(DefaultJWTParser verifier, TokenCacheConfig config) {
        this(
                verifier,
                Clock.systemUTC(),
                config.maxEntries(),
                config.maxAge(),
                Duration.ofSeconds(ConfigProvider.getConfig()
                        .getOptionalValue(CLOCK_SKEW_PROPERTY, Integer.class)
                        .orElse(DEFAULT_CLOCK_SKEW_SECONDS)));
    }

    VerifiedTokenCache(JWTParser verifier, Clock clock, int maxEntries, Duration maxAge) {
        this(verifier, clock, maxEntries, maxAge, Duration.ofSeconds(DEFAULT_CLOCK_SKEW_SECONDS));
    }

    VerifiedTokenCache(JWTParser verifier, Clock clock, int maxEntries, Duration maxAge, Duration clockSkew) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.clockSkew = clockSkew;
    }

    /** The clock skew smallrye-jwt allows for exp; the same allowance applies to iat. */
    static final String CLOCK_SKEW_PROPERTY = "mp.jwt.verify.clock.skew";

    static final int DEFAULT_CLOCK_SKEW_SECONDS = 60;

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        Instant now = clock.instant();
        Verified known = verified.get(bearerToken);
        if (known != null && now.isBefore(known.until())) {
            return known.token();
        }
        JsonWebToken token = verifier.parse(bearerToken);
        // smallrye-jwt bounds exp - iat (smallrye.jwt.time-to-live) but accepts any iat ahead of now: a token
        // "issued" tomorrow comes from a wrong clock or a forger, and is refused like an expired one.
        if (token.getClaim("iat") instanceof Number issuedAt
                && issuedAt.longValue() > now.plus(clockSkew).getEpochSecond()) {
            throw new ParseException("the token's iat is more than " + clockSkew.toSeconds()
                    + " seconds ahead of this server's clock: it was issued in the future");
        }
        if (maxEntries > 0 && token.getExpirationTime() > 0) {
            Instant expires = Instant.ofEpochSecond(token.getExpirationTime());
            Instant until = now.plus(maxAge).isBefore(expires) ? now.plus(maxAge) : expires;
            if (now.isBefore(until)) {
                if (verified.size() >= maxEntries) {
                    verified.clear();
                }
                verified.put(bearerToken, new Verified(token, until));
            }
        }
        return token;
    }

    /** Tokens remembered right now. */
    int size() {
        return verified.size();
    }

    // Everything else is rare (not used by request authentication) and goes straight to smallrye-jwt.

    @Override
    public JsonWebToken parse(String bearerToken, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(bearerToken, context);
    }

    @Override
    public JsonWebToken verify(String bearerToken, java.security.PublicKey key) throws ParseException {
        return verifier.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, javax.crypto.SecretKey key) throws ParseException {
        return verifier.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, String secret) throws ParseException {
        return verifier.verify(bearerToken, secret);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, java.security.PrivateKey key) throws ParseException {
        return verifier.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, javax.crypto.SecretKey key) throws ParseException {
        return verifier.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, String secret) throws ParseException {
        return verifier.decrypt(bearerToken, secret);
    }

    @Override
    public JsonWebToken parseOnly(String bearerToken) throws ParseException {
        return verifier.parseOnly(bearerToken);
    }
}
