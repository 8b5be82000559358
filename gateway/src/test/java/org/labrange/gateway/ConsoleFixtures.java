package org.labrange.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;

/** The B2M catalogue as reference-ranges-service serves it, for the console's tests. */
public final class ConsoleFixtures {

    private ConsoleFixtures() {}

    public static void b2mCatalogue(WireMockServer ranges) {
        Fixtures.rangesServiceKnowsB2m(ranges);
        Fixtures.rangesAnswers(ranges, "analyte-1952-1.json", "analyte-1953-9.json", "range-labcorp-serum.json");
        Fixtures.json(
                ranges,
                "/api/v1/analytes",
                "[" + Fixtures.rangesAnswer("analyte-1952-1.json") + "," + Fixtures.rangesAnswer("analyte-1953-9.json")
                        + "]");
        Fixtures.json(ranges, "/api/v1/ranges?analyte=1952-1", Fixtures.rangesAnswer("ranges-1952-1-female.json"));
        Fixtures.json(ranges, "/api/v1/ranges?analyte=1953-9", Fixtures.rangesAnswer("ranges-1953-9.json"));
    }
}
