package fr.relais.partner;

import fr.relais.privacy.NoSensitiveData;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A directory entry as typed by a director or the coordination (and as an imported row is checked). Every field is
 * text, so nothing typed can fail binding; codes (kind, themes, scopes, ways to reach) are checked against their
 * lists ({@link DirectoryCode}). {@code siteId} is read only when an entry is created: "" for the whole network, and
 * whether the person may choose that library is checked after validation ({@link EntrySites}).
 */
@Serdeable
record PartnerForm(
        @Nullable @NotBlank(message = "error.required") @Size(max = 150, message = "error.tooLong") String name,
        @Nullable @NotBlank(message = "partner.error.kind") @Size(max = 40, message = "error.choice")
        @DirectoryCode(DirectoryCode.Of.KINDS) String kindCode,
        @Nullable @Size(max = 200, message = "error.tooLong") String address,
        @Nullable @Pattern(regexp = "\\s*(\\d{5})?\\s*", message = "error.postcode") String postcode,
        @Nullable @Size(max = 100, message = "error.tooLong") String town,
        @Nullable @Size(max = 30, message = "error.tooLong")
        @Pattern(regexp = PHONE, message = "partner.error.phone") String phone,
        @Nullable @Size(max = 254, message = "error.tooLong") @Email(message = "error.email") String email,
        @Nullable @Size(max = 300, message = "error.tooLong")
        @Pattern(regexp = WEBSITE, message = "partner.error.website") String website,
        @Nullable @Size(max = 500, message = "error.tooLong") String openingHours,
        @Nullable @DirectoryCode(DirectoryCode.Of.THEMES) List<String> themes,
        @Nullable @DirectoryCode(DirectoryCode.Of.SCOPES) List<String> scopes,
        @Nullable @DirectoryCode(DirectoryCode.Of.ACCESS) List<String> access,
        @Nullable @Size(max = 1000, message = "error.tooLong") String whatToBring,
        @Nullable @Size(max = 1000, message = "error.tooLong") @NoSensitiveData String helperNotes,
        @Nullable String siteId) {

    /**
     * The phone rule of the appointment forms (04 72 00 00 00, +33 4 72 00 00 00), plus the four-digit service
     * numbers partners publish (3230 for the CAF, 3646 for the health insurance).
     */
    static final String PHONE = "\\s*(((\\+33\\s?|0)[1-9]([\\s.-]?\\d{2}){4})|(3\\d\\s?\\d{2}))?\\s*";
    /** http:// or https://, then a host name with a dot (letters with accents allowed), then anything without spaces. */
    static final String WEBSITE = "(?i)\\s*(https?://[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+(:\\d{1,5})?([/?#]\\S*)?)?\\s*";

    PartnerForm {
        // A browser sends an empty optional field as "": that is no e-mail, not a wrong one (the validator refuses "").
        email = email == null || email.isBlank() ? null : email.strip();
    }

    static PartnerForm empty(String siteId) {
        return new PartnerForm("", "", "", "", "", "", "", "", "", List.of(), List.of(), List.of(), "", "", siteId);
    }

    static PartnerForm of(Partner p, PartnerLinks links) {
        return new PartnerForm(p.name(), p.kindCode(), p.address(), p.postcode(), p.town(), p.phone(), p.email(),
                p.website(), p.openingHours(), links.themes(), links.scopes(),
                links.access().stream().map(Enum::name).toList(), p.whatToBring(), p.helperNotes(),
                p.siteId() == null ? "" : String.valueOf(p.siteId()));
    }

    List<String> checkedThemes() {
        return themes == null ? List.of() : themes;
    }

    List<String> checkedScopes() {
        return scopes == null ? List.of() : scopes;
    }

    List<String> checkedAccess() {
        return access == null ? List.of() : access;
    }
}
