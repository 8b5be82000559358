package org.labrange.interpretation.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.labrange.interpretation.client.RangesDtos.AnalyteDto;
import org.labrange.interpretation.client.RangesDtos.LatestChangeDto;
import org.labrange.interpretation.client.RangesDtos.SourceDto;
import org.labrange.interpretation.client.RangesDtos.TimelineDto;
import org.labrange.interpretation.domain.Analyte;
import org.labrange.interpretation.domain.Source;

/**
 * The one way into reference-ranges-service. All calls are reads, so all are retried; each has a timeout and a
 * circuit breaker (connect/read timeouts of the HTTP client are in configuration). There is no fallback: a
 * failure surfaces and the cache decides whether a safely cached answer exists.
 */
// Every call here is a read, so each method gets the same policy; each method keeps its own circuit state.
@ApplicationScoped
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
@Retry(
        maxRetries = 2,
        delay = 200,
        jitter = 100,
        abortOn = {RangesRefusedException.class, CircuitBreakerOpenException.class})
@CircuitBreaker(
        requestVolumeThreshold = 10,
        failureRatio = 0.5,
        delay = 10,
        delayUnit = ChronoUnit.SECONDS,
        skipOn = RangesRefusedException.class)
public class ReferenceRangesClient implements RangesUpstream {

    private final ReferenceRangesApi api;

    public ReferenceRangesClient(@RestClient ReferenceRangesApi api) {
        this.api = api;
    }

    @Override
    public List<Analyte> analytes(UpstreamCall call) {
        List<AnalyteDto> dtos = read(() -> api.analytes(auth(call), id(call)), new GenericType<List<AnalyteDto>>() {})
                .orElseThrow(() -> new RangesUpstreamException("the ranges service has no analyte list"));
        return dtos.stream().map(RangesMapper::analyte).toList();
    }

    @Override
    public List<Source> sources(UpstreamCall call) {
        List<SourceDto> dtos = read(() -> api.sources(auth(call), id(call)), new GenericType<List<SourceDto>>() {})
                .orElseThrow(() -> new RangesUpstreamException("the ranges service has no source list"));
        return dtos.stream().map(RangesMapper::source).toList();
    }

    @Override
    public Optional<Timeline> timeline(String code, UpstreamCall call) {
        return read(() -> api.timeline(code, auth(call), id(call)), new GenericType<TimelineDto>() {})
                .map(ReferenceRangesClient::timeline);
    }

    @Override
    public Optional<Timeline> timelineKnownAt(String code, Instant knownAt, UpstreamCall call) {
        return read(
                        () -> api.timelineKnownAt(code, knownAt.toString(), auth(call), id(call)),
                        new GenericType<TimelineDto>() {})
                .map(ReferenceRangesClient::timeline);
    }

    private static Timeline timeline(TimelineDto t) {
        Analyte analyte = RangesMapper.analyte(t.analyte());
        return new Timeline(
                analyte,
                t.changeSequence() == null ? 0 : t.changeSequence(),
                Optional.ofNullable(t.changeRecordedAt()),
                RangesMapper.revisions(t.revisions(), analyte.code()));
    }

    @Override
    public LatestChange latestChange(UpstreamCall call, Optional<String> ifNoneMatch) {
        try (Response response = call(() -> api.latestChange(auth(call), id(call), ifNoneMatch.orElse(null)))) {
            Optional<String> etag = Optional.ofNullable(response.getHeaderString("ETag"));
            if (response.getStatus() == 304) {
                return new LatestChange(true, -1, etag.or(() -> ifNoneMatch));
            }
            check(response);
            LatestChangeDto dto = response.readEntity(LatestChangeDto.class);
            if (dto == null || dto.latestSequence() == null) {
                throw new RangesUpstreamException("the ranges service sent no latestSequence");
            }
            return new LatestChange(false, dto.latestSequence(), etag, Optional.ofNullable(dto.recordedAt()));
        } catch (ProcessingException e) {
            throw new RangesUpstreamException("the ranges service sent an unreadable change marker", e);
        }
    }

    private static <T> Optional<T> read(Supplier<Response> request, GenericType<T> type) {
        try (Response response = call(request)) {
            if (response.getStatus() == 404) {
                return Optional.empty();
            }
            check(response);
            return Optional.ofNullable(response.readEntity(type));
        } catch (ProcessingException e) {
            throw new RangesUpstreamException("the ranges service sent an unreadable answer: " + e.getMessage(), e);
        }
    }

    private static Response call(Supplier<Response> request) {
        try {
            return request.get();
        } catch (ProcessingException e) {
            // connect refused, connect or read timeout
            throw new RangesUpstreamException("the ranges service did not answer: " + rootMessage(e), e);
        }
    }

    private static void check(Response response) {
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            throw new RangesRefusedException(status);
        }
        if (status != 200) {
            throw new RangesUpstreamException("the ranges service answered HTTP " + status);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static String auth(UpstreamCall call) {
        return call.authorization().orElse(null);
    }

    private static String id(UpstreamCall call) {
        return call.requestId().orElse(null);
    }
}
