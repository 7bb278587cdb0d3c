package fr.relais.site;

/** The services a library may offer or not; labels are in the bundles under {@code service.CODE}. */
public enum LibraryService {
    FREE_COMPUTERS,
    WIFI,
    PRINT_SCAN,
    INDIVIDUAL_APPOINTMENTS,
    WORKSHOPS,
    PROCEDURE_HELP,
    MANDATE_PROCEDURES,
    EQUIPMENT_LOAN,
    ADAPTED_WORKSTATION
}
