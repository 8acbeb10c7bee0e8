package cn.medexam.qualification.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP/1.1 over a plain socket to the test server, from a chosen loopback address (every 127.x.y.z is this
 * machine), so a test can be a client address of its own, and can send what no well-behaved client sends.
 */
public final class RawHttp {

    private final int port;
    private final String from;

    public RawHttp(int port, String from) {
        this.port = port;
        this.from = from;
    }

    /** A client at an address no other test uses. */
    public static RawHttp fromNewAddress(int port) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new RawHttp(
                port, "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255));
    }

    public String address() {
        return from;
    }

    public String host() {
        return "localhost:" + port;
    }

    public record Response(int status, Map<String, String> headers, String body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** A request with the given extra header lines ("Name: value"), Host, Content-Length and Connection: close. */
    public Response send(String method, String path, String contentType, byte[] body, String... headers)
            throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host() + "\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        return exchange(head.toString().getBytes(StandardCharsets.UTF_8), body);
    }

    public Response form(String path, String form, String... headers) throws IOException {
        return send("POST", path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Sends the bytes exactly as given, closes the sending side and reads the answer. */
    public Response exchange(byte[]... parts) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            for (byte[] part : parts) {
                out.write(part);
            }
            out.flush();
            socket.shutdownOutput();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Response parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(new java.io.ByteArrayInputStream(body));
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int length = size.isEmpty()
                    ? 0
                    : Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            in.readNBytes(2);
        }
    }
}
