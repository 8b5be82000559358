package org.labrange.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.Executors;

/** The HTTP client and request the load harnesses share. */
final class LoadHttp {

    private LoadHttp() {}

    /** HTTP/1.1 client (as labs' integrations use), its callbacks on two daemon threads named {@code threadName}. */
    static HttpClient client(String threadName) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, threadName);
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    /** The same JSON POST sent over and over: body and token fixed, built once. */
    static HttpRequest jsonPost(URI url, byte[] body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }
}
