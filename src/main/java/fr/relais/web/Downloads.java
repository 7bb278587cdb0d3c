package fr.relais.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.nio.charset.StandardCharsets;

/**
 * The answers that are files rather than pages: a PDF opens in the browser to be printed; a CSV or a calendar
 * file is saved. File names are ASCII chosen by Relais, never typed by anyone.
 */
public final class Downloads {
    public static final String PDF = "application/pdf";
    public static final String CSV = "text/csv";
    public static final String CALENDAR = "text/calendar";

    private Downloads() {
    }

    /** A slip, a mandate, a sheet: shown by the browser's PDF viewer, ready to print. */
    public static MutableHttpResponse<byte[]> pdf(byte[] bytes, String fileName) {
        return HttpResponse.ok(bytes).contentType(new MediaType(PDF))
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"");
    }

    /** A spreadsheet export, UTF-8. */
    public static MutableHttpResponse<byte[]> csv(byte[] bytes, String fileName) {
        return HttpResponse.ok(bytes).contentType(new MediaType(CSV + "; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    /** An iCalendar file to add to one's calendar. */
    public static MutableHttpResponse<byte[]> calendar(String ics, String fileName) {
        return HttpResponse.ok(ics.getBytes(StandardCharsets.UTF_8)).contentType(new MediaType(CALENDAR + "; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
}
