package fr.relais.security;

/** Account roles; a role is a set of rights, not a job title. */
public enum Role {
    HELPER, DIRECTOR, COORDINATOR, ADMIN;

    /** Helpers and directors belong to sites; coordinators and administrators see the whole network. */
    public boolean belongsToSites() {
        return this == HELPER || this == DIRECTOR;
    }
}
