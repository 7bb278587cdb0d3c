package fr.relais.workshop;

import fr.relais.security.CurrentStaff;
import fr.relais.web.Downloads;
import fr.relais.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.Locale;

/**
 * The registration slip printed at the desk (A4 or ticket), in the language the person registered in. Helpers of
 * the registration's library only: another library's registration answers 404 like an unknown one.
 */
@Controller("/bureau/ateliers/inscriptions")
@Secured("HELPER")
@ExecuteOn(TaskExecutors.BLOCKING)
class RegistrationSlipController {
    private final Agenda agenda;
    private final RegistrationDocuments documents;

    RegistrationSlipController(Agenda agenda, RegistrationDocuments documents) {
        this.agenda = agenda;
        this.documents = documents;
    }

    @Get("/{id}/bulletin.pdf")
    @Produces(Downloads.PDF)
    MutableHttpResponse<byte[]> slip(long id, @Nullable @QueryValue String format, CurrentStaff me) {
        Registration r = agenda.registration(id).filter(x -> me.canSeeSite(x.siteId())).orElseThrow(NotFoundException::new);
        Agenda.Listed listed = agenda.sessionOf(r);
        return Downloads.pdf(documents.slip(r, listed, agenda.position(r), RegistrationSlip.Format.of(format),
                Locale.forLanguageTag(r.language())), "inscription-atelier-" + listed.session().sessionDate() + ".pdf");
    }
}
