package fr.relais.appointment;

import fr.relais.security.CurrentStaff;
import fr.relais.web.Forms;
import fr.relais.web.NotFoundException;
import fr.relais.web.Page;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A helper's own absences (leave, training): declared here, they take the helper's seats out of the slots of
 * those days at every site. Helpers only; another person's absence answers 404.
 */
@Controller("/compte/absences")
@Produces(MediaType.TEXT_HTML)
@Secured("HELPER")
@ExecuteOn(TaskExecutors.BLOCKING)
class AbsenceController {
    static final String VIEW = "appointment/absences";
    private final Absences absences;
    private final Forms forms;

    AbsenceController(Absences absences, Forms forms) {
        this.absences = absences;
        this.forms = forms;
    }

    @Get
    MutableHttpResponse<?> list(CurrentStaff me, Locale locale) {
        return page(me, AbsenceForm.empty(), Map.of(), locale).ok();
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> declare(@Body AbsenceForm form, CurrentStaff me, Locale locale) {
        Forms.Errors errors = forms.validate(form, locale);
        if (!errors.isEmpty()) {
            return page(me, form, errors.asMap(), locale).invalid();
        }
        absences.declare(me.id(), form.values());
        return Page.seeOther("/compte/absences?enregistre=1");
    }

    @Post("/{absenceId}/suppression")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> remove(long absenceId, CurrentStaff me) {
        StaffAbsence absence = absences.find(absenceId, Set.of(me.id())).orElseThrow(NotFoundException::new);
        absences.delete(absence);
        return Page.seeOther("/compte/absences?supprime=1");
    }

    private Page page(CurrentStaff me, AbsenceForm form, Map<String, String> errors, Locale locale) {
        List<AbsenceRow> rows = absences.upcoming(me.id()).stream()
                .map(a -> AbsenceRow.of(a, null, absences.bookedDuring(a), locale)).toList();
        return Page.of(VIEW).title("absences.title").with("absences", rows).with("form", form).with("errors", errors);
    }
}
