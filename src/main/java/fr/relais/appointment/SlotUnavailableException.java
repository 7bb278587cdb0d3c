package fr.relais.appointment;

/** The slot cannot be booked: gone, past, closed, or its last seat was just taken. */
public class SlotUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason { UNKNOWN, PAST, FULL }

    private final Reason reason;

    public SlotUnavailableException(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
