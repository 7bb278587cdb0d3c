package fr.relais.appointment;

/** Labels under {@code appointment.status.CODE}; a past BOOKED appointment shows as "à renseigner". */
public enum AppointmentStatus {
    BOOKED, DONE, NO_SHOW, CANCELLED_BY_USER, CANCELLED_BY_SITE;

    public boolean cancelled() {
        return this == CANCELLED_BY_USER || this == CANCELLED_BY_SITE;
    }
}
