package org.labrange.gateway.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.labrange.gateway.api.Problem;
import org.labrange.gateway.domain.AnalyteOverview;
import org.labrange.gateway.domain.Report;
import org.labrange.gateway.domain.Warning;

/**
 * Records serialised from inside a {@code Response} or by hand, which a native build cannot find
 * from method signatures alone. Kept here so that the domain stays free of framework annotations.
 */
@RegisterForReflection(
        targets = {
            Problem.class,
            Problem.FieldError.class,
            Report.class,
            Report.PatientSummary.class,
            Report.ResultEntry.class,
            Report.RangeHistory.class,
            Report.Disagreement.class,
            Report.DeltaCheck.class,
            Report.Provenance.class,
            Report.ServiceVersion.class,
            Report.RangeRevisionRef.class,
            Warning.class,
            AnalyteOverview.class,
            AnalyteOverview.SourceRanges.class,
            AnalyteOverview.RangeSummary.class,
            AnalyteOverview.LastRevision.class
        })
public final class ReflectionRegistrations {

    private ReflectionRegistrations() {}
}
