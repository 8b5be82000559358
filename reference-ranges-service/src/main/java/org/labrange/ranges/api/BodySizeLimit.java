package org.labrange.ranges.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.labrange.ranges.api.problem.Problem;
import org.labrange.ranges.config.RangesConfig;

/**
 * Refuses bodies whose declared length is over the limit before they are read, with a problem document
 * (the HTTP layer's own limit, set a little higher, still stops bodies without a length).
 */
@ApplicationScoped
public class BodySizeLimit {

    void install(@Observes Router router, RangesConfig config) {
        long limit = config.maxBodyBytes();
        router.route().order(-1000).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null) {
                long declared;
                try {
                    declared = Long.parseLong(length.strip());
                } catch (NumberFormatException e) {
                    declared = -1;
                }
                if (declared > limit) {
                    Problem tooLarge = Problem.of(
                            "too-large",
                            "The body is " + declared + " bytes; at most " + limit + " are accepted",
                            ctx.request().path());
                    JsonObject problem = new JsonObject()
                            .put("type", tooLarge.type())
                            .put("title", tooLarge.title())
                            .put("status", tooLarge.status())
                            .put("detail", tooLarge.detail())
                            .put("instance", tooLarge.instance());
                    ctx.response()
                            .setStatusCode(413)
                            .putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .putHeader("Connection", "close")
                            .end(problem.encode());
                    return;
                }
            }
            ctx.next();
        });
    }
}
