package fr.relais.site;

import fr.relais.web.Text;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** What a director or coordinator types about a library. Every field is text: nothing typed can fail binding. */
@Serdeable
record SiteForm(
        @Nullable @NotBlank(message = "error.required") @Size(max = 120, message = "error.tooLong") String name,
        @Nullable @NotBlank(message = "error.required") @Size(max = 60, message = "error.tooLong")
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "error.slug") String slug,
        @Nullable @NotBlank(message = "error.required") @Size(max = 200, message = "error.tooLong") String addressLine,
        @Nullable @NotBlank(message = "error.required") @Pattern(regexp = "\\s*\\d{5}\\s*", message = "error.postcode") String postcode,
        @Nullable @NotBlank(message = "error.required") @Size(max = 100, message = "error.tooLong") String town,
        @Nullable @Size(max = 20, message = "error.tooLong")
        @Pattern(regexp = "\\s*((\\+33\\s?|0)[1-9]([\\s.-]?\\d{2}){4})?\\s*", message = "error.phone") String phone,
        @Nullable @Size(max = 254, message = "error.tooLong") @Email(message = "error.email") String email,
        @Nullable @Size(max = 500, message = "error.tooLong") String directions,
        @Nullable @Size(max = 1000, message = "error.tooLong") String accessibility) {

    SiteForm {
        // A browser sends an empty optional field as "": that is no e-mail, not a wrong one (the validator refuses "").
        email = email == null || email.isBlank() ? null : email;
    }

    static SiteForm of(Site s) {
        return new SiteForm(s.name(), s.slug(), s.addressLine(), s.postcode(), s.town(), s.phone(), s.email(),
                s.directions(), s.accessibility());
    }

    static SiteForm empty() {
        return new SiteForm("", "", "", "", "", "", "", "", "");
    }

    /** The library as typed, trimmed, optional texts left empty as none; call only on a form without errors. */
    Site site(@Nullable Long id, String timeZone, Instant createdAt) {
        return new Site(id, slug.strip(), name.strip(), addressLine.strip(), postcode.strip(), town.strip(),
                Text.blankToNull(phone), Text.blankToNull(email), Text.blankToNull(directions),
                Text.blankToNull(accessibility), timeZone, createdAt);
    }
}
