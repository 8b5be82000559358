package org.labrange.interpretation.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The reads of reference-ranges-service this service needs. Answers are returned raw so the wrapper decides
 * what each status means (404 is an answer, 5xx a failure); fault tolerance lives on the wrapper.
 */
@RegisterRestClient(configKey = "reference-ranges")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface ReferenceRangesApi {

    @GET
    @Path("/analytes")
    Response analytes(
            @HeaderParam("Authorization") String authorization, @HeaderParam("X-Request-Id") String requestId);

    @GET
    @Path("/sources")
    Response sources(@HeaderParam("Authorization") String authorization, @HeaderParam("X-Request-Id") String requestId);

    @GET
    @Path("/analytes/{code}/timeline")
    Response timeline(
            @PathParam("code") String code,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId);

    @GET
    @Path("/analytes/{code}/timeline")
    Response timelineKnownAt(
            @PathParam("code") String code,
            @QueryParam("knownAt") String knownAt,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId);

    @GET
    @Path("/changes/latest")
    Response latestChange(
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-Id") String requestId,
            @HeaderParam("If-None-Match") String ifNoneMatch);
}
