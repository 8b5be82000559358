package org.labrange.interpretation.support;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/** Mints bearer tokens signed with the key {@link JwtKeys} generated for this test run. */
public final class Tokens {

    public static final String ISSUER = "labrange-dev";

    private Tokens() {}

    public static String bearer(String... roles) {
        return "Bearer "
                + Jwt.issuer(ISSUER)
                        .upn("alice@example.org")
                        .groups(Set.of(roles))
                        .expiresIn(3600)
                        .sign(privateKey());
    }

    private static PrivateKey privateKey() {
        String location = System.getProperty(JwtKeys.PRIVATE_KEY_PROPERTY);
        if (location == null) {
            throw new IllegalStateException("JwtKeys test resource has not started");
        }
        try {
            String pem = Files.readString(Path.of(location))
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
