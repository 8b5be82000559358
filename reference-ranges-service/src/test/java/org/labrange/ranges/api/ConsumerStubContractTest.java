package org.labrange.ranges.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.labrange.ranges.support.Tokens;
import org.labrange.units.Ucum;

/**
 * Provider side of the contract: the stubbed responses other modules use in their tests must have the
 * shape this service really serves. Every field a stub relies on must exist here with the same JSON type
 * (null in either is allowed: those fields are optional), every enum-like string must be one we emit, every
 * {@code unit} must be a UCUM code (the only units this service stores), and a {@code revision} next to a {@code rangeId} this service
 * knows must be a real revision of that range.
 *
 * <p>Each stub folder holds a {@code requests.properties} mapping each stub file to the request whose answer it
 * stands for ({@code <file>=<request path>}). A missing folder, mapping or mapped file fails, and so does a
 * stub file the mapping does not name.
 */
@QuarkusTest
class ConsumerStubContractTest {

    private static final String MAPPING = "requests.properties";

    private static final List<Path> STUB_DIRS = List.of(
            Path.of("../interpretation-service/src/test/resources/contract"),
            Path.of("../gateway/src/test/resources/contract/reference-ranges"));

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @TestFactory
    Stream<DynamicTest> consumerStubsMatchWhatThisServiceServes() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : STUB_DIRS) {
            String consumer = dir.getName(1).toString();
            if (!Files.isDirectory(dir)) {
                tests.add(DynamicTest.dynamicTest(consumer + ": stub folder", () -> {
                    throw new AssertionError(
                            "stub folder " + dir.toAbsolutePath().normalize() + " is missing");
                }));
                continue;
            }
            Path mapping = dir.resolve(MAPPING);
            if (!Files.isRegularFile(mapping)) {
                tests.add(DynamicTest.dynamicTest(consumer + ": " + MAPPING, () -> {
                    throw new AssertionError(mapping.toAbsolutePath().normalize() + " is missing");
                }));
                continue;
            }
            Properties requests = new Properties();
            try (Reader in = Files.newBufferedReader(mapping, StandardCharsets.UTF_8)) {
                requests.load(in);
            }
            tests.add(DynamicTest.dynamicTest(
                    consumer + ": every stub file is mapped", () -> assertEveryStubIsMapped(dir, requests)));
            for (String file : new TreeSet<>(requests.stringPropertyNames())) {
                Path stub = dir.resolve(file);
                String request = requests.getProperty(file).strip();
                tests.add(DynamicTest.dynamicTest(consumer + ": " + file, () -> verify(stub, request)));
            }
        }
        return tests.stream();
    }

    private static void assertEveryStubIsMapped(Path dir, Properties requests) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> unmapped = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .filter(name -> !requests.containsKey(name))
                    .sorted()
                    .toList();
            assertTrue(unmapped.isEmpty(), "stub files without a request in " + MAPPING + ": " + unmapped);
        }
    }

    private void verify(Path stubFile, String request) throws IOException, SQLException {
        assertTrue(Files.isRegularFile(stubFile), "stub file " + stubFile + " is named in " + MAPPING + " but missing");
        JsonNode stub = JSON.readTree(stubFile.toFile());
        // Every role, so that admin-only reads (the audit trail the gateway's reports show) are checked too.
        String body = given().auth()
                .oauth2(Tokens.token("contract-check", "ranges-reader", "interpreter", "ranges-admin"))
                .get(request)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode real = JSON.readTree(body);
        List<String> mismatches = new ArrayList<>();
        compare("$", stub, real, mismatches);
        checkUnits("$", stub, mismatches);
        checkRevisions(stub, revisionsByRange(real, new HashMap<>()), mismatches);
        assertTrue(
                mismatches.isEmpty(), stubFile + " does not match " + request + ":\n" + String.join("\n", mismatches));
    }

    /** Every {@code unit} string in the stub must be a UCUM code, as every unit this service stores is. */
    private static void checkUnits(String path, JsonNode stub, List<String> mismatches) {
        if (stub.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = stub.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path + "." + field.getKey();
                if (field.getKey().equals("unit") && field.getValue().isTextual()) {
                    Ucum.bundled()
                            .invalid(field.getValue().asText())
                            .ifPresent(reason -> mismatches.add(at + ": '"
                                    + field.getValue().asText()
                                    + "' is not a UCUM code, so this service never serves it (" + reason + ")"));
                } else {
                    checkUnits(at, field.getValue(), mismatches);
                }
            }
        } else if (stub.isArray()) {
            for (int i = 0; i < stub.size(); i++) {
                checkUnits(path + "[" + i + "]", stub.get(i), mismatches);
            }
        }
    }

    /** A stub's revision of a range this service also returned must be one of that range's real revisions. */
    private static void checkRevisions(JsonNode stub, Map<String, Set<Integer>> real, List<String> mismatches) {
        revisionsByRange(stub, new HashMap<>()).forEach((rangeId, revisions) -> {
            Set<Integer> known = real.get(rangeId);
            if (known != null && !known.containsAll(revisions)) {
                mismatches.add("range " + rangeId + ": stub has revision(s) " + revisions + ", service sends " + known);
            }
        });
    }

    private static Map<String, Set<Integer>> revisionsByRange(JsonNode node, Map<String, Set<Integer>> found) {
        if (node.isObject()) {
            JsonNode id = node.get("rangeId");
            JsonNode revision = node.get("revision");
            if (id != null && id.isTextual() && revision != null && revision.isInt()) {
                found.computeIfAbsent(id.asText(), k -> new TreeSet<>()).add(revision.asInt());
            }
            node.elements().forEachRemaining(child -> revisionsByRange(child, found));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> revisionsByRange(child, found));
        }
        return found;
    }

    private static void compare(String path, JsonNode stub, JsonNode real, List<String> mismatches) {
        if (stub.isNull() || real.isNull()) {
            return;
        }
        if (stub.isObject()) {
            if (!real.isObject()) {
                mismatches.add(path + ": stub has an object, service sends " + real.getNodeType());
                return;
            }
            for (Iterator<String> names = stub.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!real.has(name)) {
                    mismatches.add(path + "." + name + ": the service does not send this field");
                } else {
                    compare(path + "." + name, stub.get(name), real.get(name), mismatches);
                }
            }
        } else if (stub.isArray()) {
            if (!real.isArray()) {
                mismatches.add(path + ": stub has an array, service sends " + real.getNodeType());
                return;
            }
            if (!real.isEmpty()) {
                for (int i = 0; i < stub.size(); i++) {
                    compare(path + "[" + i + "]", stub.get(i), real.get(Math.min(i, real.size() - 1)), mismatches);
                }
            }
        } else if (stub.getNodeType() != real.getNodeType()) {
            mismatches.add(path + ": stub has " + stub.getNodeType() + ", service sends " + real.getNodeType());
        } else if (stub.isTextual()
                && stub.asText().matches("[A-Z][A-Z_]+")
                && real.asText().matches("[A-Z][A-Z_]+")
                && !ENUM_VALUES.contains(stub.asText())) {
            mismatches.add(path + ": '" + stub.asText() + "' is not a value this service emits");
        }
    }

    private static final Set<String> ENUM_VALUES = Set.of(
            "SERUM_PLASMA",
            "BLOOD",
            "URINE",
            "CSF",
            "ANY",
            "FEMALE",
            "MALE",
            "DAYS",
            "MONTHS",
            "YEARS",
            "REFERENCE",
            "OPTIMAL",
            "CRITICAL",
            "ABSOLUTE",
            "ACTIVE",
            "RETIRED",
            "CREATE",
            "REVISE",
            "RETIRE",
            "LAB",
            "TEXTBOOK",
            "LOCAL",
            // audit trail: subject types (the seed's entry is about analytes) and actions
            "ANALYTE",
            "RANGE",
            "SOURCE",
            "SEED",
            "IMPORT",
            "RANGE_CREATE",
            "RANGE_REVISE",
            "RANGE_RETIRE",
            "RANGE_IMPORT",
            "SOURCE_CREATE",
            "SOURCE_UPDATE",
            "ANALYTE_CREATE",
            "ANALYTE_REVISE",
            "ANALYTE_RETIRE",
            // the wider specimen vocabulary and the dimensions of canonical units
            "SERUM",
            "PLASMA",
            "BLOOD_ARTERIAL",
            "BLOOD_VENOUS",
            "BLOOD_CORD",
            "URINE_24H",
            "SALIVA",
            "STOOL",
            "PLEURAL_FLUID",
            "SYNOVIAL_FLUID",
            "AMNIOTIC_FLUID",
            "SEMINAL_FLUID",
            "SWEAT",
            // their HL7 v2 table 0487 codes (specimenCode)
            "SER",
            "PLAS",
            "BLD",
            "BLDA",
            "BLDV",
            "BLDCO",
            "UR",
            "SAL",
            "STL",
            "PLR",
            "SNV",
            "AMN",
            "SMN",
            "SWT",
            "MASS_CONCENTRATION",
            "SUBSTANCE_CONCENTRATION",
            "CATALYTIC_CONCENTRATION",
            "NUMBER_CONCENTRATION",
            "DIMENSIONLESS");
}
