package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * A small OpenID Connect provider for the console's tests: discovery, keys, a real login page (user name and
 * password), the code redirect and the token endpoint. Tokens are signed with the run's test key and issuer, the
 * same ones the gateway's bearer check trusts, so the access token the console forwards is a token the services
 * would accept. Users: admin/admin (ranges-admin), reader/reader (ranges-reader).
 */
public class IdentityProviderStub implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT = "labrange-console";
    private static final String REALM = "/realms/labrange";
    private static final String OIDC = REALM + "/protocol/openid-connect";
    private static final Map<String, String[]> USERS =
            Map.of("admin", new String[] {"admin", "ranges-admin"}, "reader", new String[] {"reader", "ranges-reader"});

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        TestKeys.generate();
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().templatingEnabled(true));
        server.start();
        String base = server.baseUrl();
        server.stubFor(get(urlPathEqualTo(REALM + "/.well-known/openid-configuration"))
                .willReturn(json("{\"issuer\":\"" + TestKeys.ISSUER + "\","
                        + "\"authorization_endpoint\":\"" + base + OIDC + "/auth\","
                        + "\"token_endpoint\":\"" + base + OIDC + "/token\","
                        + "\"jwks_uri\":\"" + base + OIDC + "/certs\","
                        + "\"end_session_endpoint\":\"" + base + OIDC + "/logout\","
                        + "\"response_types_supported\":[\"code\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}")));
        server.stubFor(get(urlPathEqualTo(OIDC + "/certs")).willReturn(json(jwks(TestKeys.privateKey()))));
        server.stubFor(get(urlPathEqualTo(OIDC + "/auth")).willReturn(loginPage("")));
        // a wrong password shows the form again; the right one redirects back with a code naming the user
        server.stubFor(get(urlPathEqualTo(REALM + "/login-actions"))
                .atPriority(10)
                .willReturn(loginPage("<p id=\"error\">Invalid username or password.</p>")));
        USERS.forEach((user, passwordAndRole) -> {
            server.stubFor(get(urlPathEqualTo(REALM + "/login-actions"))
                    .atPriority(1)
                    .withQueryParam("username", equalTo(user))
                    .withQueryParam("password", equalTo(passwordAndRole[0]))
                    .willReturn(aResponse()
                            .withStatus(302)
                            .withHeader(
                                    "Location",
                                    "{{{request.query.redirect_uri}}}?state={{{request.query.state}}}&code=code-"
                                            + user)
                            .withTransformers("response-template")));
            server.stubFor(post(urlPathEqualTo(OIDC + "/token"))
                    .withRequestBody(containing("code=code-" + user))
                    .willReturn(json(tokens(user, passwordAndRole[1]))));
        });
        server.stubFor(get(urlPathEqualTo(OIDC + "/logout"))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "{{{request.query.post_logout_redirect_uri}}}")
                        .withTransformers("response-template")));
        return Map.of(
                "quarkus.oidc.auth-server-url",
                base + REALM,
                "quarkus.oidc.client-id",
                CLIENT,
                "quarkus.oidc.credentials.secret",
                "console-test-secret-that-is-long-enough-for-cookies");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder loginPage(String error) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html lang=\"en\"><head><title>Sign in to labrange</title></head><body>"
                        + "<main><h1>Sign in to labrange</h1>" + error
                        + "<form method=\"get\" action=\"" + REALM + "/login-actions\">"
                        + "<label for=\"username\">Username</label><input id=\"username\" name=\"username\">"
                        + "<label for=\"password\">Password</label>"
                        + "<input id=\"password\" name=\"password\" type=\"password\">"
                        + "<input type=\"hidden\" name=\"state\" value=\"{{request.query.state}}\">"
                        + "<input type=\"hidden\" name=\"redirect_uri\" value=\"{{request.query.redirect_uri}}\">"
                        + "<button id=\"kc-login\" type=\"submit\">Sign In</button></form></main></body></html>")
                .withTransformers("response-template");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static String tokens(String user, String role) {
        PrivateKey key = TestKeys.privateKey();
        // valid for a day: the stub signs once at start, and a test run is far shorter
        String access = Jwt.issuer(TestKeys.ISSUER)
                .upn(user)
                .subject(user)
                .claim("preferred_username", user)
                .groups(Set.of(role))
                .expiresIn(86_000)
                .jws()
                .keyId("test")
                .sign(key);
        String id = Jwt.issuer(TestKeys.ISSUER)
                .audience(CLIENT)
                .subject(user)
                .claim("preferred_username", user)
                .groups(Set.of(role))
                .expiresIn(86_000)
                .jws()
                .keyId("test")
                .sign(key);
        return "{\"access_token\":\"" + access + "\",\"id_token\":\"" + id
                + "\",\"token_type\":\"Bearer\",\"expires_in\":86000}";
    }

    private static String jwks(PrivateKey key) {
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"test\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\""
                + base64url(rsa.getModulus()) + "\",\"e\":\"" + base64url(rsa.getPublicExponent()) + "\"}]}";
    }

    private static String base64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
