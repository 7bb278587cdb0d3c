package fr.relais.reference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A checklist line printed on slips, for a procedure scope or a theme ({@code ANY}: always). */
@MappedEntity("what_to_bring")
public record WhatToBring(@Id @GeneratedValue @Nullable Long id, @MappedProperty("scope_or_theme") String target,
                          String lineFr, int position) {
}
