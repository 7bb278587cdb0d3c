package fr.relais.accompaniment;

import fr.relais.site.Site;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** Where the record's form is posted and what it records beyond the form: the appointment, or the record corrected. */
record Target(String action, String defaultChannel, @Nullable Long appointmentId, @Nullable Instant appointmentAt,
              @Nullable Accompaniment existing) {

    static Target walkIn(Site site) {
        return new Target("/accompagnements/" + site.id() + "/nouveau", AccompanimentForm.WALK_IN, null, null, null);
    }

    static Target appointment(Site site, AppointmentFacts a) {
        return new Target("/accompagnements/" + site.id() + "/rendez-vous/" + a.id(), AccompanimentForm.APPOINTMENT,
                a.id(), a.startsAt(), null);
    }

    static Target correction(Accompaniment a) {
        return new Target(a.path() + "/modifier", a.channelCode(), a.appointmentId(), null, a);
    }

    boolean correcting() {
        return existing != null;
    }
}
