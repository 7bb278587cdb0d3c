package fr.relais.workshop;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.text.Normalizer;
import java.util.Locale;

/** The registration code and the first name given when registering: what finds or cancels a registration. */
@Serdeable
record CodeForm(
        @Nullable @NotBlank(message = "error.required") @Size(max = 20, message = "error.tooLong") String code,
        @Nullable @NotBlank(message = "error.required") @Size(max = 40, message = "error.tooLong") String firstName) {

    static CodeForm empty() {
        return new CodeForm("", "");
    }

    /** Whether the typed first name is the one registered, whatever the case and the accents ("Zoé" = "zoe"). */
    boolean sameFirstName(String registered) {
        return plain(registered).equals(plain(firstName));
    }

    private static String plain(String name) {
        String decomposed = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
