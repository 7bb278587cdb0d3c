package fr.relais.web;

/** Return addresses taken from a URL are kept inside Relais: no open redirect. */
public final class SafeRedirect {
    private SafeRedirect() {
    }

    public static String localPath(String candidate, String fallback) {
        if (candidate == null || candidate.length() > 500 || !candidate.startsWith("/") || candidate.startsWith("//")
                || candidate.contains("\\") || candidate.chars().anyMatch(c -> c < 0x20)) {
            return fallback;
        }
        return candidate;
    }
}
