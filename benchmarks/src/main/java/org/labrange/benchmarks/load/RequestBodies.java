package org.labrange.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;

/**
 * Writes the request bodies the load runs send: {@code single.json} (one serum result),
 * {@code batch-N.json} (N serum results, N = 1, 10, 100, 1000, 10000) and {@code report.json} (a serum and a
 * urine B2M result for one patient). All use the three seeded sources, so every serum result is evaluated
 * three times.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.labrange.benchmarks.load.RequestBodies DIR}
 */
public final class RequestBodies {

    private static final String PATIENT = "{\"sex\":\"FEMALE\",\"birthDate\":\"1970-05-01\"}";
    private static final String SOURCES = "[\"quest\",\"labcorp\",\"mosby-pagana-2022\"]";
    private static final String[] VALUES = {"0.5", "1.2", "2.45", "3.1", "<0.2", "1.75", "2.0", "2.6"};
    private static final String[] UNITS = {"mg/L", "ug/mL", "mg/L", "mg/L", "ug/mL", "mg/L", "ug/mL", "mg/L"};

    private RequestBodies() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/target/bodies");
        Files.createDirectories(dir);
        write(
                dir.resolve("single.json"),
                "{\"patient\":" + PATIENT + ",\"sources\":" + SOURCES + ",\"result\":" + serum(2) + "}");
        for (int n : new int[] {1, 10, 100, 1000, 10000}) {
            StringJoiner results = new StringJoiner(",", "[", "]");
            for (int i = 0; i < n; i++) {
                results.add(serum(i));
            }
            write(
                    dir.resolve("batch-" + n + ".json"),
                    "{\"patient\":" + PATIENT + ",\"sources\":" + SOURCES + ",\"results\":" + results + "}");
        }
        write(
                dir.resolve("report.json"),
                "{\"reportId\":\"bench-report\",\"patient\":{\"id\":\"bench-patient\","
                        + "\"sex\":\"FEMALE\",\"birthDate\":\"1970-05-01\"},\"results\":["
                        + "{\"id\":\"s1\",\"analyte\":\"B2M\",\"specimen\":\"serum\",\"value\":\"2.45\",\"unit\":\"mg/L\","
                        + "\"collectedAt\":\"2026-11-20T08:00:00Z\",\"previous\":[{\"value\":\"1.9\",\"unit\":\"mg/L\","
                        + "\"collectedAt\":\"2026-05-01T08:00:00Z\"}]},"
                        + "{\"id\":\"u1\",\"analyte\":\"B2M\",\"specimen\":\"urine\",\"value\":\"0.25\",\"unit\":\"mg/L\","
                        + "\"collectedAt\":\"2026-11-20T08:00:00Z\"}]}");
    }

    private static String serum(int i) {
        return "{\"id\":\"s" + i + "\",\"analyte\":\"B2M\",\"specimen\":\"serum\",\"value\":\""
                + VALUES[i % VALUES.length] + "\",\"unit\":\"" + UNITS[i % UNITS.length]
                + "\",\"collectedAt\":\"2026-11-20T08:00:00Z\"}";
    }

    private static void write(Path file, String json) throws IOException {
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }
}
