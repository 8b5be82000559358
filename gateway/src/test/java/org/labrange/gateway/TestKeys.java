package org.labrange.gateway;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * A key pair made at test time (nothing secret is kept in the repository) and the tokens signed
 * with it. The keys live under target/ so that the packaged-application test can use them too.
 */
public final class TestKeys {

    public static final String ISSUER = "labrange-dev";
    static final String PUBLIC_KEY = "public.pem";
    static final String PRIVATE_KEY = "private.pem";
    private static final Path DIR = Path.of("target", "test-jwt").toAbsolutePath();

    private TestKeys() {}

    static synchronized Path generate() {
        try {
            if (Files.exists(DIR.resolve(PRIVATE_KEY))) {
                return DIR;
            }
            KeyPair pair = newPair();
            Files.createDirectories(DIR);
            Files.writeString(
                    DIR.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(
                    DIR.resolve(PRIVATE_KEY),
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            return DIR;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String token(String user, String... roles) {
        return Jwt.issuer(ISSUER)
                .upn(user)
                .groups(Set.of(roles))
                .expiresIn(3600)
                .sign(privateKey());
    }

    /** A correctly signed token that is valid for this many seconds from now. */
    public static String tokenValidFor(long seconds, String user, String... roles) {
        return Jwt.issuer(ISSUER)
                .upn(user)
                .groups(Set.of(roles))
                .issuedAt(Instant.now())
                .expiresIn(seconds)
                .sign(privateKey());
    }

    public static String expiredToken(String user, String... roles) {
        Instant past = Instant.now().minusSeconds(7200);
        return Jwt.issuer(ISSUER)
                .upn(user)
                .groups(Set.of(roles))
                .issuedAt(past)
                .expiresAt(past.plusSeconds(600))
                .sign(privateKey());
    }

    /** A well-formed token signed by a key the gateway does not trust. */
    public static String foreignToken(String user, String... roles) {
        return Jwt.issuer(ISSUER)
                .upn(user)
                .groups(Set.of(roles))
                .expiresIn(3600)
                .sign(newPair().getPrivate());
    }

    static PrivateKey privateKey() {
        try {
            String pem = Files.readString(generate().resolve(PRIVATE_KEY), StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
