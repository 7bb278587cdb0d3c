package fr.relais.workshop;

/** How much a person should already know: débutant, intermédiaire, avancé. Label key {@code workshop.level.NAME}. */
public enum WorkshopLevel {
    BEGINNER, INTERMEDIATE, ADVANCED
}
