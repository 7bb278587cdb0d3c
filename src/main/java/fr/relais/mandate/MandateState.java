package fr.relais.mandate;

/** The life of a mandate. Only ACTIVE allows "faire à la place". EXPIRED is read from the clock, never stored. */
public enum MandateState {
    DRAFT, ACTIVE, EXPIRED, REVOKED
}
