package fr.relais.appointment;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The booking settings of a site (columns of the site table). */
@MappedEntity("site")
record BookingSettings(@Id Long id, int bookingWeeks, int cancelCutoffHours, int maxFutureBookings) {
}
