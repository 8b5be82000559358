package org.labrange.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Upstream answers shaped as the two services' contracts describe, for serum and urine B2M. */
final class Fixtures {

    private Fixtures() {}

    static final String SOURCES = """
            [{"code":"quest","name":"Quest Diagnostics","kind":"LAB","citation":"Quest test directory","url":null},
             {"code":"labcorp","name":"Labcorp","kind":"LAB","citation":"Labcorp test menu","url":null},
             {"code":"mosby-pagana-2022","name":"Mosby's Manual 2022","kind":"TEXTBOOK","citation":"Pagana 2022","url":null}]""";

    static final String SERUM_RESULT = """
            {"id":"s1","status":"INTERPRETED",
             "analyte":{"code":"1952-1","displayName":"Beta-2 microglobulin, serum/plasma","specimen":"SERUM_PLASMA"},
             "value":{"input":"2.45","inputUnit":"mg/L","comparator":null,"normalised":2.45,"unit":"mg/L"},
             "interpretations":[
               {"source":"quest","flag":"N","flagDisplay":"Normal",
                "range":{"rangeId":"rq","revision":1,"category":"REFERENCE","low":null,"lowInclusive":true,"high":2.51,
                         "highInclusive":true,"unit":"mg/L","effectiveFrom":"2020-01-01"},
                "selectionRule":"only applicable range","position":{"multipleOfUpperLimit":0.976,"percentThroughRange":null}},
               {"source":"labcorp","flag":"H","flagDisplay":"High",
                "range":{"rangeId":"rl","revision":1,"category":"REFERENCE","low":0.6,"lowInclusive":true,"high":2.4,
                         "highInclusive":true,"unit":"mg/L","effectiveFrom":"2023-09-07"},
                "selectionRule":"only applicable range","position":{"multipleOfUpperLimit":1.021,"percentThroughRange":null}}],
             "notEvaluated":[],
             "agreement":{"unanimous":false,"flags":{"quest":"N","labcorp":"H"},"summary":"1 normal, 1 high"},
             "associations":[],
             "delta":{"possible":true,"reason":null,"previousValue":"1.9","previousCollectedAt":"2026-05-01T08:00:00Z",
                      "change":0.55,"percentChange":28.9,"rcvPercent":20.1,"significant":true,"flag":"U"},
             "problems":[]}""";

    static final String URINE_NO_RANGE = """
            {"id":"u1","status":"NO_RANGE",
             "analyte":{"code":"1953-9","displayName":"Beta-2 microglobulin, urine","specimen":"URINE"},
             "value":{"input":"0.25","inputUnit":"mg/L","comparator":null,"normalised":250,"unit":"ug/L"},
             "interpretations":[],
             "notEvaluated":[{"source":"quest","reason":"no range in effect on 2026-11-20 for this patient"},
                             {"source":"labcorp","reason":"no range in effect on 2026-11-20 for this patient"}],
             "agreement":null,"associations":[],
             "delta":{"possible":false,"reason":"no earlier result","significant":false,"flag":null},"problems":[]}""";

    static String interpretation(String... results) {
        return "{\"rulesVersion\":\"rules-2026.11\",\"evaluatedAt\":\"2026-11-25T12:00:00Z\","
                + "\"ranges\":{\"changeSequence\":7,\"confirmedAt\":\"2026-11-25T11:59:58Z\",\"stale\":false},\"results\":["
                + String.join(",", results) + "],"
                + "\"patterns\":[{\"id\":\"glomerular\",\"text\":\"Serum high with urine low suggests a glomerular cause\","
                + "\"resultIds\":[\"s1\",\"u1\"],\"citation\":\"textbook\"}]}";
    }

    static final String QUEST_HISTORY = """
            [{"rangeId":"rq","revision":1,"analyteCode":"1952-1","sourceCode":"quest","category":"REFERENCE","low":null,
              "high":2.51,"unit":"mg/L","status":"ACTIVE","effectiveFrom":"2020-01-01","effectiveTo":null,
              "recordedAt":"2026-11-01T10:00:00Z","recordedBy":"seed","reason":"Initial load"}]""";

    static final String LABCORP_HISTORY = """
            [{"rangeId":"rl","revision":1,"analyteCode":"1952-1","sourceCode":"labcorp","category":"REFERENCE","low":0.6,
              "high":2.4,"unit":"mg/L","status":"ACTIVE","effectiveFrom":"2023-09-07","effectiveTo":"2099-01-01",
              "recordedAt":"2026-11-01T10:00:00Z","recordedBy":"seed","reason":"Initial load"},
             {"rangeId":"rl","revision":2,"analyteCode":"1952-1","sourceCode":"labcorp","category":"REFERENCE","low":0.8,
              "high":2.34,"unit":"mg/L","status":"ACTIVE","effectiveFrom":"2099-01-01","effectiveTo":null,
              "recordedAt":"2026-11-24T09:30:00Z","recordedBy":"alice","reason":"Method change to turbidimetry"}]""";

    static final String SERUM_RANGES_IN_EFFECT = """
            [{"rangeId":"rq","revision":1,"analyteCode":"1952-1","sourceCode":"quest","category":"REFERENCE","low":null,
              "high":2.51,"unit":"mg/L","status":"ACTIVE","effectiveFrom":"2020-01-01","effectiveTo":null,
              "recordedAt":"2026-11-01T10:00:00Z","recordedBy":"seed","reason":"Initial load"},
             {"rangeId":"rl","revision":1,"analyteCode":"1952-1","sourceCode":"labcorp","category":"REFERENCE","low":0.6,
              "high":2.4,"unit":"mg/L","status":"ACTIVE","effectiveFrom":"2023-09-07","effectiveTo":"2099-01-01",
              "recordedAt":"2026-11-01T10:00:00Z","recordedBy":"seed","reason":"Initial load"}]""";

    static final String SERUM_ANALYTE = """
            {"code":"1952-1","loinc":"1952-1","displayName":"Beta-2 microglobulin, serum/plasma","aliases":["B2M"],
             "specimen":"SERUM_PLASMA","unit":"mg/L","molarMassGramsPerMole":11800}""";

    static void json(WireMockServer server, String path, String body) {
        server.stubFor(get(path)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    static void rangesServiceKnowsSerumB2m(WireMockServer ranges) {
        json(ranges, "/api/v1/sources", SOURCES);
        json(ranges, "/api/v1/ranges/rq/revisions", QUEST_HISTORY);
        json(ranges, "/api/v1/ranges/rl/revisions", LABCORP_HISTORY);
    }
}
