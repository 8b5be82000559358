package org.labrange.e2e.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.labrange.problems.testing.ProblemsSeen;

/**
 * A deliberately naive HTTP/1.1 client on a plain socket. Ordinary clients refuse to send what the hostile
 * corpus needs (CR/LF inside header values, lying Content-Length, raw non-ASCII in the request line), so the
 * request is written byte for byte as the case describes it. One connection per request ({@code Connection:
 * close}); the answer is read while the body is still being written, so a server that answers early (413)
 * and closes is still heard.
 */
public final class HostileHttp {

    private static final int CHUNK = 64 * 1024;

    private final String host;
    private final int port;
    private final int readTimeoutMillis;

    public HostileHttp(String baseUrl, int readTimeoutMillis) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.readTimeoutMillis = readTimeoutMillis;
    }

    /** An answer as it came off the wire; header names lower-cased, in order. */
    public record Answer(int status, List<Map.Entry<String, String>> headers, byte[] body) {

        public Optional<String> header(String name) {
            return headers.stream()
                    .filter(h -> h.getKey().equals(name.toLowerCase(Locale.ROOT)))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends one request. {@code headers} are written exactly as given (values may contain CR/LF); Host,
     * Connection and Content-Length are added unless already present. A {@code null} body sends none.
     */
    public Answer send(
            String method, String path, List<Map.Entry<String, String>> headers, byte[] body, boolean chunked)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(readTimeoutMillis);
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
            if (!has(headers, "host")) {
                head.append("Host: ").append(host).append(':').append(port).append("\r\n");
            }
            if (!has(headers, "connection")) {
                head.append("Connection: close\r\n");
            }
            for (Map.Entry<String, String> header : headers) {
                head.append(header.getKey())
                        .append(": ")
                        .append(header.getValue())
                        .append("\r\n");
            }
            if (body != null && !has(headers, "content-length") && !has(headers, "transfer-encoding")) {
                head.append(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length)
                        .append("\r\n");
            }
            head.append("\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            AtomicReference<IOException> writeFailure = new AtomicReference<>();
            Thread writer = new Thread(
                    () -> {
                        try {
                            out.write(headBytes);
                            if (body != null) {
                                writeBody(out, body, chunked);
                            }
                            out.flush();
                        } catch (IOException e) {
                            // The server may answer and close before it has read everything (e.g. 413): that is
                            // allowed.
                            writeFailure.set(e);
                        }
                    },
                    "hostile-writer");
            writer.setDaemon(true);
            writer.start();
            try {
                Answer answer = read(new BufferedInputStream(socket.getInputStream()));
                // problem answers must be catalogue entries, whatever the request looked like
                ProblemsSeen.answer(
                        answer.status(),
                        answer.header("content-type").orElse(null),
                        answer.bodyText(),
                        method + " " + path.substring(0, Math.min(path.length(), 200)));
                return answer;
            } catch (IOException e) {
                IOException write = writeFailure.get();
                if (write != null) {
                    e.addSuppressed(write);
                }
                throw e;
            } finally {
                socket.close();
                try {
                    writer.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static boolean has(List<Map.Entry<String, String>> headers, String name) {
        return headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase(name));
    }

    private static void writeBody(OutputStream out, byte[] body, boolean chunked) throws IOException {
        for (int offset = 0; offset < body.length; offset += CHUNK) {
            int length = Math.min(CHUNK, body.length - offset);
            if (chunked) {
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(body, offset, length);
            if (chunked) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (chunked) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the connection closed without an HTTP answer");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(Map.entry(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip()));
            }
        }
        Answer partial = new Answer(status, headers, new byte[0]);
        byte[] body;
        if (partial.header("transfer-encoding")
                .map(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))
                .orElse(false)) {
            body = chunkedBody(in);
        } else if (partial.header("content-length").isPresent()) {
            body = in.readNBytes(
                    Integer.parseInt(partial.header("content-length").get().strip()));
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, body);
    }

    private static byte[] chunkedBody(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                return body.toByteArray();
            }
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon >= 0 ? size.substring(0, semicolon) : size).strip(), 16);
            if (length == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used by the services
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            line(in);
        }
    }

    /** One CRLF-terminated line in ISO-8859-1 (header bytes), or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] raw = bytes.toByteArray();
                int end = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
                return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
