package fr.relais.workshop;

/** A session is scheduled, or cancelled by the library (its registrations are then cancelled too). */
public enum SessionStatus {
    SCHEDULED, CANCELLED
}
