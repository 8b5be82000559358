package org.labrange.gateway.client;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Writes a forwarded answer's body as it arrives from the upstream: status and headers are sent as the resource
 * built them, then the request stays suspended until the last chunk has been passed on.
 */
@Provider
public class StreamedAnswerWriter implements ServerMessageBodyWriter<StreamedAnswer> {

    @Override
    public boolean isWriteable(
            Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return StreamedAnswer.class.isAssignableFrom(type);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return StreamedAnswer.class.isAssignableFrom(type);
    }

    @Override
    public void writeResponse(StreamedAnswer answer, Type genericType, ServerRequestContext context) {
        ResteasyReactiveRequestContext request = (ResteasyReactiveRequestContext) context;
        request.suspend();
        answer.writeTo(context.serverResponse(), failure -> request.resume());
    }

    @Override
    public void writeTo(
            StreamedAnswer answer,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders,
            OutputStream entityStream) {
        // only reached with a writer interceptor, and the gateway has none
        throw new UnsupportedOperationException("a streamed answer is written by writeResponse");
    }
}
