package fr.relais.workshop;

/** A change to a session that cannot be made; the reason says which message to show. */
public class SessionRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Date, time or length changed while people are registered: cancel and create another session. */
        HAS_REGISTRATIONS,
        /** The new date and time are already past. */
        PAST,
        /** The session has started (or is cancelled): it is not changed any more. */
        STARTED,
        /** Attendance is noted from the session's day, and corrected only on that day. */
        ATTENDANCE_CLOSED
    }

    private final Reason reason;

    SessionRefused(Reason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
