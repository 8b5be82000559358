package org.labrange.interpretation.service;

import java.util.List;
import java.util.Optional;
import org.labrange.interpretation.domain.LabResult;
import org.labrange.interpretation.domain.ResultProblem;

/**
 * One result as the caller submitted it, already read: either a {@link LabResult} ready for the engine, or the
 * problems that keep it from being one. The analyte as written is kept either way, so an unknown analyte is
 * reported next to the other problems of the same result.
 */
public record Submission(
        String id,
        String analyte,
        Optional<String> specimen,
        Optional<LabResult> result,
        List<ResultProblem> problems) {

    public Submission {
        problems = List.copyOf(problems);
    }
}
