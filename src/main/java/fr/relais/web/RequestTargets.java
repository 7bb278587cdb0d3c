package fr.relais.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Whether the target of a request line (what follows the method: {@code /bibliotheques/x?y=z}) is an address Relais
 * can read. Browsers always send well-formed targets; what fails here was typed by hand, cut or built by a bot.
 *
 * <p>The syntax is checked by {@link URI} — the parser the server itself uses, which otherwise fails later and
 * turns the request into a server error. On top of it, what RFC 9112 and Relais's own addresses rule out: a
 * fragment ({@code #…} never leaves a browser), a scheme other than http(s), raw characters outside printable ASCII,
 * and percent-encoded bytes that are not UTF-8 (an overlong {@code %C0%AF} is a classic way to smuggle a {@code /})
 * or that decode to a control character (a NUL reaching PostgreSQL is refused as an error).
 */
final class RequestTargets {
    private RequestTargets() {
    }

    /** True when the target can be routed; false for a malformed one (answered 400). */
    static boolean readable(String method, String target) {
        if (target == null || target.isEmpty()) {
            return false;
        }
        if ("*".equals(target)) {
            return "OPTIONS".equals(method);
        }
        if (target.chars().anyMatch(c -> c <= 0x20 || c >= 0x7F)) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getRawFragment() != null || target.indexOf('#') >= 0 || uri.isOpaque()) {
            return false;
        }
        if (uri.getScheme() != null) {
            // Absolute form (GET http://host/path): allowed by RFC 9112 for any server; the path is what counts.
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getRawAuthority() == null) {
                return false;
            }
        } else if (!target.startsWith("/")) {
            return false;
        }
        return decodesCleanly(uri.getRawPath()) && decodesCleanly(uri.getRawQuery());
    }

    /** Percent-decoded (the escapes were checked by URI), the bytes are UTF-8 and hold no control character. */
    private static boolean decodesCleanly(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        CharBuffer text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
        } catch (CharacterCodingException e) {
            return false;
        }
        return text.chars().noneMatch(c -> c < 0x20 || c == 0x7F);
    }
}
