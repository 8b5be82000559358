package org.labrange.e2e.support;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens for the hostile corpus, by kind: good ones with each role, and the bad ones a gateway must
 * turn away (expired, unsigned with {@code alg: none}, signed by another key, issued by someone else, HMAC
 * signed with the public key as secret, plain garbage). Good tokens and the expired / wrong-issuer ones are
 * signed with the suite's own key, so the signature is not what makes them bad. Tokens are assembled by hand
 * (header, claims, RS256 signature with the JDK) so that each can be wrong in exactly one chosen way.
 */
public final class HostileTokens {

    private static final String ISSUER = "labrange-dev";
    private static final List<String> ALL_ROLES = List.of("ranges-admin", "interpreter", "ranges-reader");

    private final PrivateKey key;
    private final PublicKey publicKey;
    private final PrivateKey strangerKey;

    public HostileTokens(KeyPair trusted) {
        this.key = trusted.getPrivate();
        this.publicKey = trusted.getPublic();
        this.strangerKey = newKeyPair().getPrivate();
    }

    /**
     * The suite keeps its key pair to itself (it only mints valid tokens); the corpus needs tokens that are
     * wrong in one way only, so it reads the key pair the suite generated for this run.
     */
    public static HostileTokens of(Suite suite) {
        try {
            Field keys = Suite.class.getDeclaredField("keys");
            keys.setAccessible(true);
            return new HostileTokens((KeyPair) keys.get(suite));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the suite's key pair", e);
        }
    }

    /** The Authorization header value for a token kind; empty for {@code none}. */
    public Optional<String> authorization(String kind) {
        return switch (kind) {
            case "none" -> Optional.empty();
            case "admin" -> bearer(rs256(key, claims("hostile-admin", List.of("ranges-admin"), ISSUER, 0)));
            case "reader" -> bearer(rs256(key, claims("hostile-reader", List.of("ranges-reader"), ISSUER, 0)));
            case "interpreter" -> bearer(rs256(key, claims("hostile-clinician", List.of("interpreter"), ISSUER, 0)));
            case "no-roles" -> bearer(rs256(key, claims("hostile-nobody", List.of(), ISSUER, 0)));
            case "unknown-role" ->
                bearer(rs256(key, claims("hostile-root", List.of("root", "superuser", "RANGES-ADMIN"), ISSUER, 0)));
            case "expired" -> bearer(rs256(key, claims("hostile-admin", ALL_ROLES, ISSUER, -7200)));
            case "unsigned" -> bearer(unsigned());
            case "wrong-key" -> bearer(rs256(strangerKey, claims("hostile-stranger", ALL_ROLES, ISSUER, 0)));
            case "wrong-issuer" -> bearer(rs256(key, claims("hostile-admin", ALL_ROLES, "https://evil.example", 0)));
            case "hmac-public-key" -> bearer(hmacWithPublicKey());
            case "garbage" -> bearer("not-a-jwt.at~all!");
            // correctly signed, but issued an hour ahead of the server's clock (beyond its 60 s skew)
            case "issued-in-the-future" -> bearer(rs256(key, claims("hostile-admin", ALL_ROLES, ISSUER, 3600)));
            // correctly signed, but valid for a year: longer than the 24 h a token may live
            case "valid-for-a-year" ->
                bearer(rs256(key, claims("hostile-admin", ALL_ROLES, ISSUER, 0, 365L * 24 * 3600)));
            default -> throw new IllegalArgumentException("unknown token kind '" + kind + "'");
        };
    }

    private static Optional<String> bearer(String token) {
        return Optional.of("Bearer " + token);
    }

    /** Claims valid for an hour from now + shift seconds (a shift of -7200 gives a token that expired an hour ago). */
    private static String claims(String user, List<String> roles, String issuer, long shift) {
        return claims(user, roles, issuer, shift, 3600);
    }

    private static String claims(String user, List<String> roles, String issuer, long shift, long lifetime) {
        long issued = Instant.now().getEpochSecond() + shift;
        String groups = roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",", "[", "]"));
        return "{\"iss\":\"" + issuer + "\",\"upn\":\"" + user + "\",\"groups\":" + groups + ",\"iat\":" + issued
                + ",\"exp\":" + (issued + lifetime) + ",\"jti\":\"" + java.util.UUID.randomUUID() + "\"}";
    }

    private static String rs256(PrivateKey signer, String claims) {
        String signingInput = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signer);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}, admin claims, empty signature. */
    private static String unsigned() {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims("hostile-admin", ALL_ROLES, ISSUER, 0))
                + ".";
    }

    /** The classic key-confusion attack: HS256 with the server's public key (PEM text) as the shared secret. */
    private String hmacWithPublicKey() {
        String signingInput =
                b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(claims("hostile-admin", ALL_ROLES, ISSUER, 0));
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
