package fr.relais.partner;

import fr.relais.reference.ReferenceData;
import fr.relais.site.Sites;
import fr.relais.web.Messages;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The directory as a spreadsheet file: one row per entry, a column for every field.
 *
 * <p>Written for the spreadsheet people here open by double-click: UTF-8 with a byte-order mark (without it, accents
 * come out garbled), cells separated by ";" (the separator spreadsheets expect where the decimal mark is a comma, as in
 * French), quoted when needed (RFC 4180 otherwise), lines ending with CRLF. Lists (themes, what to bring…) are in one
 * cell, joined with " | "; opening hours are said in words, as on the entry's page. A cell that a spreadsheet would take for a formula (starting with =, +, -, @) is prefixed
 * with an apostrophe: imported data must not run as a formula on a colleague's computer.
 */
@Singleton
class PartnerCsv {
    static final char SEPARATOR = ';';
    static final String LIST_JOIN = " | ";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setDelimiter(SEPARATOR).setRecordSeparator("\r\n").get();
    private static final List<String> COLUMNS = List.of("id", "where", "name", "kindCode", "kind", "address", "postcode",
            "town", "phone", "email", "website", "openingHours", "themes", "scopes", "access", "whatToBring", "helperNotes",
            "active", "source", "sourceId", "updatedAt");
    private final ReferenceData reference;
    private final Sites sites;
    private final Messages messages;
    private final OpeningHoursText hours;

    PartnerCsv(ReferenceData reference, Sites sites, Messages messages, OpeningHoursText hours) {
        this.reference = reference;
        this.sites = sites;
        this.messages = messages;
        this.hours = hours;
    }

    byte[] write(List<Partners.Found> entries, Locale locale) {
        Map<Long, String> siteNames = new HashMap<>();
        sites.all().forEach(s -> siteNames.put(s.id(), s.name()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            out.write('\uFEFF');
            List<String> header = new ArrayList<>();
            COLUMNS.forEach(c -> header.add(messages.get(locale, "partner.csv." + c)));
            csv.printRecord(header);
            DateTimeFormatter updated = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm").withZone(ZoneId.of(Sites.DEFAULT_ZONE));
            for (Partners.Found f : entries) {
                Partner p = f.partner();
                PartnerLinks l = f.links();
                csv.printRecord(
                        p.id(),
                        p.siteId() == null ? messages.get(locale, "partner.scope.network") : siteNames.get(p.siteId()),
                        cell(p.name()),
                        p.kindCode(),
                        cell(reference.partnerKindLabel(p.kindCode(), locale)),
                        cell(p.address()),
                        cell(p.postcode()),
                        cell(p.town()),
                        cell(p.phone()),
                        cell(p.email()),
                        cell(p.website()),
                        cell(String.join(LIST_JOIN, hours.lines(p.openingHours(), locale))),
                        cell(String.join(LIST_JOIN, l.themes().stream().map(c -> reference.themeLabel(c, locale)).toList())),
                        cell(String.join(LIST_JOIN, l.scopes().stream().map(c -> reference.scopeLabel(c, locale)).toList())),
                        cell(String.join(LIST_JOIN, l.access().stream().map(a -> messages.get(locale, a.labelKey())).toList())),
                        cell(String.join(LIST_JOIN, p.whatToBringLines())),
                        cell(p.helperNotes()),
                        messages.get(locale, p.active() ? "form.yes" : "form.no"),
                        cell(p.source()),
                        cell(p.sourceId()),
                        updated.format(p.updatedAt()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The text as a cell; one a spreadsheet would run as a formula gets a leading apostrophe. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
