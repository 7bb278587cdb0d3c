package fr.relais.accompaniment;

import fr.relais.testing.OnBothDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accompaniments are kept without an end date because they hold no identity: no column of the accompaniment tables
 * may be named like a name, a contact, a birth date, a social-security number or an address — read from the
 * database itself (JDBC metadata), on both databases.
 */
@MicronautTest(environments = "demo")
class NoPersonalColumnTest extends OnBothDatabases {
    /** Parts of a column name that would mean personal data (French and English). */
    static final Pattern PERSONAL = Pattern.compile("name|(^|_)nom(_|$)|prenom|first_?name|last_?name|phone|(^|_)tel(_|$)"
            + "|mobile|mail|courriel|birth|naissance|(^|_)nir(_|$)|ssn|address|adresse|(^|_)rue(_|$)|street|postcode|postal");

    @Inject
    DatabaseProbe database;

    @Test
    void noColumnOfTheAccompanimentTablesHoldsPersonalData() throws SQLException {
        Map<String, List<String>> columns = database.columns("accompaniment");
        assertEquals(List.of("accompaniment", "accompaniment_equipment", "accompaniment_scope", "accompaniment_theme"),
                new ArrayList<>(columns.keySet()), "the tables read");
        assertTrue(columns.get("accompaniment").containsAll(List.of("mode", "site_id", "helper_id", "note", "age_bracket_code")),
                columns.toString());
        List<String> personal = new ArrayList<>();
        columns.forEach((table, names) -> names.stream().filter(c -> PERSONAL.matcher(c).find())
                .forEach(c -> personal.add(table + "." + c)));
        assertEquals(List.of(), personal, "columns named like personal data");
    }

    @Test
    void theCheckFindsWhatItLooksFor() {
        for (String bad : List.of("first_name", "last_name", "person_name", "phone", "tel", "email", "e_mail", "birth_date",
                "date_naissance", "nir", "address_line", "adresse", "nom", "firstname", "lastname", "prenom", "postcode")) {
            assertTrue(PERSONAL.matcher(bad).find(), bad);
        }
        for (String fine : List.of("mode", "note", "site_id", "helper_id", "channel_code", "first_visit", "partner_kind_code",
                "occurred_on", "duration_minutes")) {
            assertTrue(!PERSONAL.matcher(fine).find(), fine);
        }
    }
}
