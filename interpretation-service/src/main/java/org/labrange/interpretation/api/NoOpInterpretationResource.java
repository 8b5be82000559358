package org.labrange.interpretation.api;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.logging.Logger;
import org.labrange.interpretation.api.InterpretationResponse.ResultView;
import org.labrange.interpretation.api.problem.Problem;
import org.labrange.interpretation.api.problem.RequestRejectedException;
import org.labrange.interpretation.security.Roles;

/**
 * Benchmarks only, and only in a build made with {@code -Dquarkus.profile=noop-benchmark}: takes the place of
 * {@link InterpretationResource} on the same paths, with the same authentication and JSON reading, and answers
 * every result as not evaluated without fetching a range. Throughput of such a build, set against a normal one,
 * shows what the interpretation itself costs (see BENCHMARKS.md). A build with any other profile does not
 * contain this endpoint.
 */
@IfBuildProfile(NoOpInterpretationResource.PROFILE)
@Path("/api/v1/interpretations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTERPRETER, Roles.ADMIN})
public class NoOpInterpretationResource {

    /** The build profile that swaps this resource in. */
    public static final String PROFILE = "noop-benchmark";

    /** Status of every result in such a build: nothing was evaluated. */
    static final String NO_OP_STATUS = "NOT_EVALUATED_NO_OP_MODE";

    private final JsonBodyReader bodies;

    public NoOpInterpretationResource(JsonBodyReader bodies) {
        this.bodies = bodies;
        Logger.getLogger(NoOpInterpretationResource.class)
                .warn("benchmark no-op build: requests are read and checked but no result is interpreted (status "
                        + NO_OP_STATUS + "); never use it in service");
    }

    @POST
    public InterpretationResponse interpret(byte[] body) {
        InterpretationRequest request = bodies.read(body, InterpretationRequest.class);
        List<ResultView> results = request.results() == null
                ? List.of()
                : request.results().stream()
                        .map(r -> notEvaluated(r == null ? null : r.id()))
                        .toList();
        return new InterpretationResponse(null, null, null, null, results, List.of());
    }

    @POST
    @Path("/single")
    public ResultView interpretOne(byte[] body) {
        SingleInterpretationRequest request = bodies.read(body, SingleInterpretationRequest.class);
        if (request.result() == null) {
            throw RequestRejectedException.validation(List.of(new Problem.FieldError("result", "is required")));
        }
        return notEvaluated(request.result().id());
    }

    private static ResultView notEvaluated(String id) {
        return new ResultView(
                id,
                NO_OP_STATUS,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                false,
                null,
                null,
                List.of(),
                null);
    }
}
