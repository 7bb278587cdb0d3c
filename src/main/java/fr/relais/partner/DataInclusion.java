package fr.relais.partner;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The parts of a data·inclusion file ("structures + services", schema v1) that the directory reads. Other
 * fields are ignored. Every field may be missing: what a row lacks is reported by {@link PartnerImport}.
 */
final class DataInclusion {
    private DataInclusion() {
    }

    @Serdeable
    record Structure(
            @Nullable String source,
            @Nullable String id,
            @Nullable String nom,
            @Nullable String adresse,
            @Nullable @JsonProperty("complement_adresse") String complementAdresse,
            @Nullable @JsonProperty("code_postal") String codePostal,
            @Nullable String commune,
            @Nullable String telephone,
            @Nullable String courriel,
            @Nullable @JsonProperty("site_web") String siteWeb,
            @Nullable @JsonProperty("horaires_accueil") String horairesAccueil,
            @Nullable @JsonProperty("reseaux_porteurs") List<String> reseauxPorteurs,
            @Nullable String typologie) {
    }

    @Serdeable
    record Service(
            @Nullable String source,
            @Nullable String id,
            @Nullable @JsonProperty("structure_id") String structureId,
            @Nullable List<String> thematiques,
            @Nullable @JsonProperty("modes_mobilisation") List<String> modesMobilisation) {
    }
}
