package fr.relais.mandate;

/** Who ended a mandate before its end date: the person, the library, or a newer mandate for the same scopes. */
enum RevocationKind {
    USER, SITE, SUPERSEDED
}
