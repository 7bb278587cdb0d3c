package fr.relais.appointment;

import fr.relais.web.DateWords;
import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/**
 * An absence as the lists show it: whose (on the site's page), its days in words, its label, and on the helper's
 * own page how many appointments still to come it leaves without their helper.
 */
record AbsenceRow(long id, @Nullable String name, String from, String to, boolean oneDay, @Nullable String label,
                  @Nullable String booked) {
    static AbsenceRow of(StaffAbsence a, @Nullable String name, long booked, Locale locale) {
        return new AbsenceRow(a.id(), name, DateWords.longDate(a.startDate(), locale), DateWords.longDate(a.endDate(), locale),
                a.startDate().equals(a.endDate()), a.label(), booked == 0 ? null : String.valueOf(booked));
    }
}
