package fr.relais.workshop;

/** A registration, a promotion or a change that cannot be made; the reason says which message to show. */
public class RegistrationRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The session is cancelled. */
        CANCELLED,
        /** The session has started or is over. */
        PAST,
        /** Registration closes some hours before the start (site setting). */
        CLOSED,
        /** This phone or e-mail already holds a registration for this session. */
        SAME_CONTACT,
        /** Not enough seats left, and the person did not ask for the waiting list. */
        FULL,
        /** A capacity below the seats already taken. */
        CAPACITY_BELOW_SEATS,
        /** A waiting registration promoted by hand does not fit in the seats left. */
        DOES_NOT_FIT
    }

    private final Reason reason;
    private final int seatsTaken;

    public RegistrationRefused(Reason reason) {
        this(reason, 0);
    }

    RegistrationRefused(Reason reason, int seatsTaken) {
        super(reason.name(), null, false, false);
        this.reason = reason;
        this.seatsTaken = seatsTaken;
    }

    public Reason reason() {
        return reason;
    }

    /** For CAPACITY_BELOW_SEATS: the seats already taken, to say the smallest capacity possible. */
    public int seatsTaken() {
        return seatsTaken;
    }
}
