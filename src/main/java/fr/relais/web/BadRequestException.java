package fr.relais.web;

/** Answered with the 400 page: a request no browser sends (a form body that cannot be decoded, a NUL in a field). */
public class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String reason) {
        // The reason names the kind of fault for the log, never what was sent.
        super(reason, null, false, false);
    }
}
