package fr.relais.web;

/** Answered with the 404 page; also used for another site's ids, so their existence is not revealed. */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException() {
        super(null, null, false, false);
    }
}
