package fr.relais.partner;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An entry of the partner directory: a structure people are referred to. {@code siteId} null means
 * network-wide (managed by the coordination); otherwise it belongs to one library (managed by its director).
 * {@code source} and {@code sourceId} name an imported entry (data·inclusion), so that a new import updates it.
 * Its themes, procedure scopes and ways to reach it are read through {@link Partners}.
 */
@MappedEntity("partner")
public record Partner(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable Long siteId,
        @Nullable String source,
        @Nullable String sourceId,
        String name,
        String kindCode,
        @Nullable String address,
        @Nullable String postcode,
        @Nullable String town,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String website,
        @Nullable String openingHours,
        @Nullable String whatToBring,
        @Nullable String helperNotes,
        boolean active,
        Instant updatedAt) {

    /** What to bring, one thing per line (blank lines left out). */
    public List<String> whatToBringLines() {
        return whatToBring == null ? List.of()
                : Arrays.stream(whatToBring.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** "12 rue des Allocations", "69003 Lyon": the address as printed, without empty lines. */
    public List<String> addressLines() {
        String townLine = ((postcode == null ? "" : postcode) + " " + (town == null ? "" : town)).strip();
        return java.util.stream.Stream.of(address, townLine).filter(l -> l != null && !l.isBlank()).toList();
    }

    /** The phone number for a tel: link (no spaces or dots). */
    public String phoneLink() {
        return phone == null ? null : phone.replaceAll("[^+0-9]", "");
    }

    Partner withActive(boolean value, Instant now) {
        return new Partner(id, siteId, source, sourceId, name, kindCode, address, postcode, town, phone, email, website,
                openingHours, whatToBring, helperNotes, value, now);
    }
}
