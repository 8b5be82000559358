package org.labrange.gateway.api;

/** Example bodies for the OpenAPI document: beta-2 microglobulin (B2M) in serum and urine. */
final class Examples {

    private Examples() {}

    static final String ANALYTE_SERUM = """
            {"code": "1952-1", "loinc": "1952-1", "displayName": "Beta-2 microglobulin, serum/plasma",
             "aliases": ["B2M", "beta-2 microglobulin"], "specimen": "SERUM_PLASMA", "unit": "mg/L",
             "molarMassGramsPerMole": 11800, "analyticalCvPercent": null, "withinSubjectCvPercent": null}""";

    static final String ANALYTES = "[" + ANALYTE_SERUM + """
            ,
             {"code": "1953-9", "loinc": "1953-9", "displayName": "Beta-2 microglobulin, urine",
              "aliases": ["B2M", "urine B2M"], "specimen": "URINE", "unit": "ug/L",
              "molarMassGramsPerMole": 11800, "analyticalCvPercent": null, "withinSubjectCvPercent": null}]""";

    static final String SOURCE = """
            {"code": "labcorp", "name": "Labcorp", "kind": "LAB",
             "citation": "Labcorp test menu: Beta-2 Microglobulin, Serum", "url": null}""";

    static final String SOURCE_DRAFT = """
            {"code": "labcorp", "name": "Labcorp", "kind": "LAB",
             "citation": "Labcorp test menu: Beta-2 Microglobulin, Serum", "url": null,
             "reason": "Adding the reference laboratory we send B2M to"}""";

    static final String RANGE_REVISION = """
            {"rangeId": "0b5c3c1e-6a53-4a8e-9f0e-3f1f0c7d2a11", "revision": 1, "analyteCode": "1952-1",
             "sourceCode": "labcorp", "category": "REFERENCE", "low": 0.6, "lowInclusive": true,
             "high": 2.4, "highInclusive": true, "unit": "mg/L",
             "population": {"sex": "ANY", "ageMin": null, "ageMax": null, "ageUnit": "YEARS", "condition": null, "method": null},
             "note": null, "status": "ACTIVE", "effectiveFrom": "2023-09-07", "effectiveTo": null,
             "recordedAt": "2026-11-25T12:00:00Z", "recordedBy": "seed", "reason": "Initial load"}""";

    static final String RANGE_WRITE = """
            {"analyteCode": "1952-1", "sourceCode": "labcorp", "category": "REFERENCE", "low": 0.6,
             "lowInclusive": true, "high": 2.4, "highInclusive": true, "unit": "mg/L",
             "population": {"sex": "ANY"}, "note": null, "effectiveFrom": "2027-01-01",
             "reason": "Method change to turbidimetry"}""";

    static final String RETIRE = """
            {"effectiveFrom": "2027-01-01", "reason": "Source withdrew this range"}""";

    static final String IMPORT = """
            {"reason": "Annual review of urine B2M", "effectiveFrom": "2027-01-01",
             "ranges": [{"analyteCode": "1953-9", "sourceCode": "mosby-pagana-2022", "category": "REFERENCE",
                         "low": null, "high": 300, "highInclusive": true, "unit": "ug/L", "population": {"sex": "ANY"}}]}""";

    static final String CHANGES = """
            {"latestSequence": 7, "changes": [{"sequence": 7, "rangeId": "0b5c3c1e-6a53-4a8e-9f0e-3f1f0c7d2a11",
             "revision": 2, "analyteCode": "1952-1", "sourceCode": "labcorp", "action": "REVISE",
             "effectiveFrom": "2027-01-01", "recordedAt": "2026-11-25T12:00:00Z", "recordedBy": "alice",
             "reason": "Method change to turbidimetry"}]}""";

    static final String INTERPRETATION_REQUEST = """
            {"patient": {"sex": "FEMALE", "birthDate": "1970-05-01"},
             "sources": ["quest", "labcorp", "mosby-pagana-2022"],
             "results": [
               {"id": "s1", "analyte": "B2M", "specimen": "serum", "value": "2.45", "unit": "mg/L",
                "collectedAt": "2026-11-20T08:00:00Z",
                "previous": [{"value": "1.9", "unit": "mg/L", "collectedAt": "2026-05-01T08:00:00Z"}]},
               {"id": "u1", "analyte": "B2M", "specimen": "urine", "value": "0.25", "unit": "mg/L",
                "collectedAt": "2026-11-20T08:00:00Z"}]}""";

    static final String REPORT_REQUEST = """
            {"reportId": "rep-2026-11-20-0042",
             "patient": {"id": "patient-0042", "sex": "FEMALE", "birthDate": "1970-05-01"},
             "sources": ["quest", "labcorp", "mosby-pagana-2022"],
             "results": [
               {"id": "s1", "analyte": "B2M", "specimen": "serum", "value": "2.45", "unit": "mg/L",
                "collectedAt": "2026-11-20T08:00:00Z",
                "previous": [{"value": "1.9", "unit": "mg/L", "collectedAt": "2026-05-01T08:00:00Z"}]},
               {"id": "u1", "analyte": "B2M", "specimen": "urine", "value": "0.25", "unit": "mg/L",
                "collectedAt": "2026-11-20T08:00:00Z"}]}""";

    static final String SINGLE_REQUEST = """
            {"patient": {"sex": "FEMALE", "age": "P56Y"}, "sources": ["quest", "labcorp"],
             "result": {"id": "s1", "analyte": "B2M", "specimen": "serum", "value": "2.45", "unit": "mg/L"}}""";

    private static final String SERUM_RESULT = """
            {"id": "s1", "status": "INTERPRETED",
             "analyte": {"code": "1952-1", "displayName": "Beta-2 microglobulin, serum/plasma", "specimen": "SERUM_PLASMA"},
             "value": {"input": "2.45", "inputUnit": "mg/L", "comparator": null, "normalised": 2.45, "unit": "mg/L"},
             "interpretations": [
               {"source": "quest", "flag": "N", "flagDisplay": "Normal",
                "range": {"rangeId": "7d0e…", "revision": 1, "category": "REFERENCE", "low": null, "lowInclusive": true,
                          "high": 2.51, "highInclusive": true, "unit": "mg/L", "effectiveFrom": "2020-01-01"},
                "selectionRule": "only applicable range", "position": {"multipleOfUpperLimit": 0.976, "percentThroughRange": null}},
               {"source": "labcorp", "flag": "H", "flagDisplay": "High",
                "range": {"rangeId": "0b5c…", "revision": 1, "category": "REFERENCE", "low": 0.6, "lowInclusive": true,
                          "high": 2.4, "highInclusive": true, "unit": "mg/L", "effectiveFrom": "2023-09-07"},
                "selectionRule": "only applicable range", "position": {"multipleOfUpperLimit": 1.021, "percentThroughRange": null}}],
             "notEvaluated": [],
             "agreement": {"unanimous": false, "flags": {"quest": "N", "labcorp": "H"}, "summary": "Sources disagree: 1 normal, 1 high"},
             "associations": [], "delta": null, "problems": []}""";

    static final String SINGLE_RESPONSE = SERUM_RESULT;

    static final String INTERPRETATION_RESPONSE =
            "{\"rulesVersion\": \"2026.11\", \"evaluatedAt\": \"2026-11-25T12:00:00Z\", \"results\": [" + SERUM_RESULT
                    + "], \"patterns\": []}";

    static final String REPORT_RESPONSE = """
            {"reportId": "rep-2026-11-20-0042", "patient": {"id": "patient-0042", "sex": "FEMALE", "birthDate": "1970-05-01", "age": null},
             "complete": true, "warnings": [],
             "results": [{"id": "s1", "status": "INTERPRETED", "collectedAt": "2026-11-20T08:00:00Z", "collectionDate": "2026-11-20",
               "analyte": {"code": "1952-1", "displayName": "Beta-2 microglobulin, serum/plasma", "specimen": "SERUM_PLASMA"},
               "value": {"input": "2.45", "inputUnit": "mg/L", "normalised": 2.45, "unit": "mg/L"},
               "interpretations": [{"source": "labcorp", "flag": "H", "flagDisplay": "High"}],
               "ranges": [{"source": "labcorp", "sourceName": "Labcorp", "sourceKind": "LAB",
                           "rangeId": "0b5c…", "revisionUsed": 1, "latestRevision": 2, "usedRevisionIsLatest": false,
                           "revisions": [{"revision": 1, "low": 0.6, "high": 2.4, "effectiveFrom": "2023-09-07"},
                                         {"revision": 2, "low": 0.8, "high": 2.34, "effectiveFrom": "2027-01-01"}]}],
               "notEvaluated": [], "agreement": {"unanimous": false}, "delta": {"flag": "U"}, "associations": [], "problems": []}],
             "disagreements": [{"resultId": "s1", "analyteCode": "1952-1", "flags": {"quest": "N", "labcorp": "H"},
                                "summary": "Sources disagree: 1 normal, 1 high"}],
             "patterns": [],
             "deltaChecks": [{"resultId": "s1", "analyteCode": "1952-1", "delta": {"flag": "U"}}],
             "provenance": {"requestId": "3f6c…", "requestedAt": "2026-11-25T12:00:00Z", "completedAt": "2026-11-25T12:00:00.4Z",
                            "evaluatedAt": "2026-11-25T12:00:00.2Z", "rulesVersion": "2026.11",
                            "rangesState": {"changeSequence": 7, "confirmedAt": "2026-11-25T11:59:58Z", "stale": false},
                            "services": [{"name": "gateway", "version": "1.0.0-SNAPSHOT"},
                                         {"name": "interpretation-service", "version": "1.0.0-SNAPSHOT"},
                                         {"name": "reference-ranges-service", "version": "1.0.0-SNAPSHOT"}],
                            "rangeRevisions": [{"source": "labcorp", "rangeId": "0b5c…", "revision": 1,
                                                "effectiveFrom": "2023-09-07", "recordedAt": "2026-11-25T12:00:00Z"}]}}""";

    static final String OVERVIEW = """
            {"analyte": {"code": "1952-1", "displayName": "Beta-2 microglobulin, serum/plasma", "unit": "mg/L"},
             "generatedAt": "2026-11-25T12:00:00Z",
             "sources": [{"sourceCode": "labcorp", "name": "Labcorp", "kind": "LAB", "citation": "Labcorp test menu",
                          "ranges": [{"current": {"rangeId": "0b5c…", "revision": 1, "low": 0.6, "high": 2.4, "unit": "mg/L"},
                                      "revisionCount": 2,
                                      "lastRevision": {"revision": 2, "status": "ACTIVE", "effectiveFrom": "2027-01-01",
                                                       "recordedAt": "2026-11-25T12:00:00Z", "recordedBy": "alice",
                                                       "reason": "Method change to turbidimetry", "scheduled": true}}]}],
             "sourcesWithoutRanges": ["optimal-dx"], "warnings": []}""";
}
