package org.labrange.benchmarks.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.labrange.interpretation.domain.LabResult;
import org.labrange.interpretation.domain.ResultInterpretation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** Time for one whole batch (engine + patterns) as the batch grows from 1 to 10,000 results. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class BatchGrowthBenchmark {

    @Param({"1", "10", "100", "1000", "10000"})
    public int batchSize;

    private SerumWorkload workload;
    private List<LabResult> batch;

    @Setup(Level.Trial)
    public void setUp() {
        workload = new SerumWorkload(1);
        batch = workload.results(batchSize);
    }

    @Benchmark
    public void batch(Blackhole bh) {
        List<ResultInterpretation> out = new ArrayList<>(batch.size());
        for (LabResult r : batch) {
            out.add(workload.engine.interpret(r, workload.patient, workload.ranges, workload.requestedSources));
        }
        bh.consume(workload.engine.patterns(out));
        bh.consume(out);
    }
}
