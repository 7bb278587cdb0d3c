package fr.relais.journal;

/** What the journal records: the sensitive actions of every feature. The label key is {@code journal.action.NAME}. */
public enum JournalAction {
    MANDATE_DRAFTED,
    MANDATE_PRINTED,
    MANDATE_ACTIVATED,
    MANDATE_USED,
    MANDATE_REVOKED,
    MANDATE_EXPIRED,
    MANDATE_SUPERSEDED,
    MANDATE_CHECKED,
    PERSONAL_DATA_OPENED,
    PERSONAL_DATA_EXPORTED,
    WORKSHOP_PROMOTED,
    PURGE
}
