package fr.relais.reference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A kind of partner structure (CAF, CPAM, France Services…), for the directory and the referral statistics. */
@MappedEntity("partner_kind")
public record PartnerKind(@Id String code, String labelFr, @Nullable String labelEn, int position) {
    /** The kind of an entry that fits no other. */
    public static final String OTHER = "OTHER";
}
