package org.labrange.ranges.support;

import io.smallrye.jwt.build.Jwt;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

/** Mints test tokens signed with the run's generated key. */
public final class Tokens {

    private Tokens() {}

    public static String admin() {
        return token("alice", "ranges-admin");
    }

    public static String admin(String user) {
        return token(user, "ranges-admin");
    }

    public static String reader() {
        return token("rita", "ranges-reader");
    }

    public static String interpreter() {
        return token("interpretation-service", "interpreter");
    }

    public static String token(String user, String... roles) {
        return Jwt.issuer("labrange-dev")
                .upn(user)
                .groups(Set.of(roles))
                .expiresIn(600)
                .sign();
    }

    public static String expired() {
        return Jwt.issuer("labrange-dev")
                .upn("alice")
                .groups(Set.of("ranges-admin"))
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign();
    }

    public static String wrongIssuer() {
        return Jwt.issuer("someone-else")
                .upn("alice")
                .groups(Set.of("ranges-admin"))
                .expiresIn(600)
                .sign();
    }

    public static String signedWith(PrivateKey key) {
        return Jwt.issuer("labrange-dev")
                .upn("mallory")
                .groups(Set.of("ranges-admin"))
                .expiresIn(600)
                .sign(key);
    }
}
