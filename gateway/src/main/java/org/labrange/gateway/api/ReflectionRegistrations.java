package org.labrange.gateway.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.labrange.gateway.api.problem.Problem;
import org.labrange.gateway.domain.OverviewFindings;
import org.labrange.gateway.domain.ReportFindings;
import org.labrange.gateway.domain.Warning;
import org.labrange.gateway.service.AnalyteOverview;
import org.labrange.gateway.service.Report;

/**
 * Records serialised from inside a {@code Response} or by hand, which a native build cannot find
 * from method signatures alone. Kept with the API that writes them, so that the domain stays free of
 * framework annotations.
 */
@RegisterForReflection(
        targets = {
            Problem.class,
            Problem.FieldError.class,
            Report.class,
            Report.PatientSummary.class,
            Report.ResultEntry.class,
            Report.RangeHistory.class,
            Report.DeltaCheck.class,
            Report.Provenance.class,
            ReportFindings.Disagreement.class,
            ReportFindings.ServiceVersion.class,
            ReportFindings.RangeRevisionRef.class,
            Warning.class,
            AnalyteOverview.class,
            AnalyteOverview.SourceRanges.class,
            AnalyteOverview.RangeSummary.class,
            OverviewFindings.LastRevision.class
        })
public final class ReflectionRegistrations {

    private ReflectionRegistrations() {}
}
