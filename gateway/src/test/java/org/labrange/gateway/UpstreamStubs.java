package org.labrange.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts one WireMock server per upstream, creates the JWT key pair for this run, and points the
 * gateway at both. Tests get the servers through {@link RangesStub} and {@link InterpretationStub}.
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface RangesStub {}

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InterpretationStub {}

    private WireMockServer ranges;
    private WireMockServer interpretation;

    @Override
    public Map<String, String> start() {
        Path keys = TestKeys.generate();
        ranges =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(20));
        interpretation =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(20));
        ranges.start();
        interpretation.start();
        return Map.of(
                "labrange.ranges.url", ranges.baseUrl(),
                "labrange.interpretation.url", interpretation.baseUrl(),
                // each stub answers the management paths too (/q/health/ready, /q/info)
                "labrange.ranges.management-url", ranges.baseUrl(),
                "labrange.interpretation.management-url", interpretation.baseUrl(),
                "mp.jwt.verify.publickey.location",
                        keys.resolve(TestKeys.PUBLIC_KEY).toUri().toString(),
                "mp.jwt.verify.issuer", TestKeys.ISSUER);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(
                ranges, new TestInjector.AnnotatedAndMatchesType(RangesStub.class, WireMockServer.class));
        injector.injectIntoFields(
                interpretation,
                new TestInjector.AnnotatedAndMatchesType(InterpretationStub.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (ranges != null) {
            ranges.stop();
        }
        if (interpretation != null) {
            interpretation.stop();
        }
    }
}
