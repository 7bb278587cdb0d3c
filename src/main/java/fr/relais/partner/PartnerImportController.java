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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Importing data·inclusion files into the network-wide directory (coordination and administration). Three steps:
 * choose the files as downloaded (the structures file, and the services file if wanted); read what would be created,
 * updated or left out, with nothing saved yet; confirm, which saves everything in one transaction and shows the report.
 *
 * <p>Between the two posts the files travel in a hidden field of the confirmation form, compacted into one. It is
 * bounded by the server's request size and read and checked again on confirmation exactly like the upload: what is
 * saved is what the preview said, or the same checks refuse it. Both forms are multipart, so the text is sent as is
 * (no percent-encoding) and carries its CSRF token in a form field ({@code MultipartFormToken}).
 */
@Controller("/partenaires/import")
@Produces(MediaType.TEXT_HTML)
@Secured({"COORDINATOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class PartnerImportController {
    static final String FORM_VIEW = "partner/import";
    static final String PREVIEW_VIEW = "partner/import-preview";
    static final String REPORT_VIEW = "partner/import-report";
    static final String SERVICES_FIELD = "services";
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

    /** The structures file in {@code file}, the services file in {@code services}; either order works. */
    @Post
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    MutableHttpResponse<?> preview(@Nullable @Part(PartnerImport.STRUCTURES_FIELD) CompletedFileUpload file,
                                   @Nullable @Part(SERVICES_FIELD) CompletedFileUpload services, Locale locale) {
        List<PartnerImport.Upload> uploads = new ArrayList<>();
        List<String> fileNames = new ArrayList<>();
        for (CompletedFileUpload upload : new CompletedFileUpload[] {file, services}) {
            if (chosen(upload)) {
                String field = upload == file ? PartnerImport.STRUCTURES_FIELD : SERVICES_FIELD;
                try {
                    uploads.add(new PartnerImport.Upload(field, new String(upload.getBytes(), StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    return refused(field, "partner.import.error.noFile", locale);
                }
                fileNames.add(upload.getFilename());
            }
        }
        if (uploads.isEmpty()) {
            return refused(PartnerImport.STRUCTURES_FIELD, "partner.import.error.noFile", locale);
        }
        try {
            PartnerImport.Outcome outcome = imports.preview(uploads, locale);
            return outcomePage(PREVIEW_VIEW, "partner.import.preview.title", outcome).with("fileNames", fileNames).ok();
        } catch (PartnerImport.UnreadableFile e) {
            return refused(e.field(), e.messageKey(), locale);
        }
    }

    /** What a browser sends for a file field left empty: a part with no name and no content (or no part). */
    private static boolean chosen(CompletedFileUpload upload) {
        return upload != null && upload.getFilename() != null && !upload.getFilename().isBlank() && upload.getSize() > 0;
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
            return refused(PartnerImport.STRUCTURES_FIELD, e.messageKey(), locale);
        } catch (DataAccessException e) {
            // Two confirmations at once (two tabs, two coordinators) may race on the same new entries: the
            // transaction of the second is rolled back whole.
            return refused(PartnerImport.STRUCTURES_FIELD, "partner.import.error.concurrent", locale);
        }
    }

    private MutableHttpResponse<?> refused(String field, String messageKey, Locale locale) {
        Forms.Errors errors = forms.errors(locale).add(field, messageKey);
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
                .with("nothingToDo", outcome.count(PartnerImport.Action.REJECT) == outcome.lines().size())
                .with("structuresRead", outcome.lines().size())
                .with("servicesRead", outcome.servicesRead())
                .with("servicesLeftOut", outcome.servicesLeftOut())
                .with("servicesLeftOutCount", outcome.servicesLeftOut().size());
    }
}
