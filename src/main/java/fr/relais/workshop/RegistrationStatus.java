package fr.relais.workshop;

/** A registration holds seats (SEATED), waits in line (WAITING), or was cancelled by the person or the library. */
public enum RegistrationStatus {
    SEATED, WAITING, CANCELLED_BY_USER, CANCELLED_BY_SITE;

    public boolean live() {
        return this == SEATED || this == WAITING;
    }
}
