package org.labrange.gateway.console;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.labrange.gateway.config.GatewayConfig;

/**
 * CSRF protection of the console's forms by a double-submit token: a random token in a SameSite=Strict, HttpOnly
 * cookie scoped to /console, repeated in a hidden field of every form; a POST whose field does not match the cookie
 * is refused. (quarkus-rest-csrf was tried first: its filter checks every form-encoded POST of the whole
 * application, so API and FHIR calls with that content type got a bare 400 instead of their own answers.)
 */
@RequestScoped
public class CsrfToken {

    static final String COOKIE = "labrange-console-csrf";
    static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServerRequest request;
    private final boolean secure;
    private Optional<String> issued = Optional.empty();

    CsrfToken(HttpServerRequest request, GatewayConfig config) {
        this.request = request;
        this.secure = config.console().secureCookies();
    }

    /** The token for this browser: the cookie's, or a new one that the page's answer sets. */
    public String token() {
        return cookie().or(() -> issued).orElseGet(() -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            issued = Optional.of(token);
            request.response()
                    .addCookie(Cookie.cookie(COOKIE, token)
                            .setPath("/console")
                            .setHttpOnly(true)
                            .setSecure(secure)
                            .setSameSite(CookieSameSite.STRICT));
            return token;
        });
    }

    /** Whether a posted form carries this browser's token. */
    public boolean matches(String posted) {
        Optional<String> expected = cookie();
        return posted != null
                && expected.isPresent()
                && MessageDigest.isEqual(
                        expected.get().getBytes(StandardCharsets.US_ASCII), posted.getBytes(StandardCharsets.US_ASCII));
    }

    private Optional<String> cookie() {
        Cookie cookie = request.getCookie(COOKIE);
        return cookie == null || cookie.getValue().length() < 40 ? Optional.empty() : Optional.of(cookie.getValue());
    }
}
