package fr.relais.partner;

import fr.relais.web.Forms;
import fr.relais.web.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Importing a data·inclusion file into the network-wide directory (coordination and administration). Three steps:
 * choose the file; read what would be created, updated or left out, with nothing saved yet; confirm, which saves
 * everything in one transaction and shows the report.
 *
 * <p>Between the two posts the file travels in a hidden field of the confirmation form, compacted. It is bounded by
 * the server's request size and read and checked again on confirmation exactly like the upload: what is saved is
 * what the preview said, or the same checks refuse it. Both forms are multipart, so the text is sent as is (no
 * percent-encoding) and carries its CSRF token in a form field ({@code MultipartFormToken}).
 */
@Controller("/partenaires/import")
@Produces(MediaType.TEXT_HTML)
@Secured({"COORDINATOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class PartnerImportController {
    static final String FORM_VIEW = "partner/import";
    static final String PREVIEW_VIEW = "partner/import-preview";
    static final String REPORT_VIEW = "partner/import-report";
    private final PartnerImport imports;
    private final Forms forms;

    PartnerImportController(PartnerImport imports, Forms forms) {
        this.imports = imports;
        this.forms = forms;
    }

    @Get
    MutableHttpResponse<?> form() {
        return Page.of(FORM_VIEW).title("partner.import.title").ok();
    }

    @Post
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> preview(@Nullable @Part("file") CompletedFileUpload file, Locale locale) {
        if (file == null || file.getFilename() == null || file.getFilename().isBlank() || file.getSize() == 0) {
            return refused("partner.import.error.noFile", locale);
        }
        String content;
        try {
            content = new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return refused("partner.import.error.noFile", locale);
        }
        try {
            PartnerImport.Outcome outcome = imports.preview(content, locale);
            return outcomePage(PREVIEW_VIEW, "partner.import.preview.title", outcome).with("fileName", file.getFilename()).ok();
        } catch (PartnerImport.UnreadableFile e) {
            return refused(e.messageKey(), locale);
        }
    }

    @Post("/confirmation")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> confirm(@Nullable @Part("content") String content, Locale locale) {
        try {
            PartnerImport.Outcome outcome = imports.apply(content, locale);
            // The report is the answer itself (the lines are not kept anywhere); posting again would find
            // every entry already there and update it, changing nothing.
            return outcomePage(REPORT_VIEW, "partner.import.report.title", outcome).ok();
        } catch (PartnerImport.UnreadableFile e) {
            return refused(e.messageKey(), locale);
        } catch (DataAccessException e) {
            // Two confirmations at once (two tabs, two coordinators) may race on the same new entries: the
            // transaction of the second is rolled back whole.
            return refused("partner.import.error.concurrent", locale);
        }
    }

    private MutableHttpResponse<?> refused(String messageKey, Locale locale) {
        Forms.Errors errors = forms.errors(locale).add("file", messageKey);
        return Page.of(FORM_VIEW).title("partner.import.title").with("errors", errors.asMap()).invalid();
    }

    private static Page outcomePage(String view, String title, PartnerImport.Outcome outcome) {
        return Page.of(view).title(title)
                .with("content", outcome.content())
                .with("created", outcome.lines(PartnerImport.Action.CREATE))
                .with("updated", outcome.lines(PartnerImport.Action.UPDATE))
                .with("rejected", outcome.lines(PartnerImport.Action.REJECT))
                .with("createdCount", outcome.count(PartnerImport.Action.CREATE))
                .with("updatedCount", outcome.count(PartnerImport.Action.UPDATE))
                .with("rejectedCount", outcome.count(PartnerImport.Action.REJECT))
                .with("nothingToDo", outcome.count(PartnerImport.Action.REJECT) == outcome.lines().size());
    }
}
