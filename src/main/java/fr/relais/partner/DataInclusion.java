package fr.relais.partner;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The parts of data·inclusion records that the directory reads; other fields are ignored. Every field may be missing:
 * what a row lacks is reported by {@link PartnerImport}.
 *
 * <p>data·inclusion publishes its open data as two files, a JSON array of structures ({@code structures.json}) and a
 * JSON array of services ({@code services.json}); its API answers the same records page by page
 * ({@code {"items": [...], "total": n, "page": 1, "size": 500}}). Schema v1 is read, and the fields of schema v0 that
 * v1 renamed or merged, so that files downloaded before the change still import:
 * v0 {@code horaires_ouverture} (v1 {@code horaires_accueil}), v0 {@code typologie} and {@code labels_nationaux}
 * (v1 {@code reseaux_porteurs}), v0 {@code thematiques} of a structure, v0 {@code modes_orientation_beneficiaire} and
 * {@code modes_orientation_accompagnateur} and {@code prise_rdv} of a service (v1 {@code modes_mobilisation}).
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
            @Nullable String typologie,
            @Nullable @JsonProperty("horaires_ouverture") String horairesOuverture,
            @Nullable @JsonProperty("labels_nationaux") List<String> labelsNationaux,
            @Nullable List<String> thematiques) {

        /** v1 {@code horaires_accueil}, else v0 {@code horaires_ouverture}. */
        String hours() {
            return horairesAccueil != null && !horairesAccueil.isBlank() ? horairesAccueil : horairesOuverture;
        }
    }

    @Serdeable
    record Service(
            @Nullable String source,
            @Nullable String id,
            @Nullable String nom,
            @Nullable @JsonProperty("structure_id") String structureId,
            @Nullable List<String> thematiques,
            @Nullable @JsonProperty("modes_mobilisation") List<String> modesMobilisation,
            @Nullable @JsonProperty("modes_orientation_beneficiaire") List<String> modesOrientationBeneficiaire,
            @Nullable @JsonProperty("modes_orientation_accompagnateur") List<String> modesOrientationAccompagnateur,
            @Nullable @JsonProperty("prise_rdv") String priseRdv) {
    }
}
