package org.labrange.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load averages as run.sh writes them ({@code 1min/5min/15min}); "NA" where /proc is missing. */
final class LoadAverage {

    private LoadAverage() {}

    static String now() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + "/" + parts[1] + "/" + parts[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "NA";
        }
    }
}
