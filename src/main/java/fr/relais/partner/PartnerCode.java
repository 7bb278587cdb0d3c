package fr.relais.partner;

import io.micronaut.core.annotation.Introspected;

/** One row of a partner's link tables: a theme, a procedure scope or a way to reach it. */
@Introspected
record PartnerCode(long partnerId, String code) {
}
