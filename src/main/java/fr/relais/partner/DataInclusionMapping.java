package fr.relais.partner;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How data·inclusion words become the directory's codes. The tables below are the whole rule; a word they do not
 * name is left out (a partner without themes is still imported, and can be completed by hand).
 *
 * <h2>Kind ({@code partner_kind})</h2>
 * The first of these that gives a kind wins, else {@code OTHER}:
 * <ol>
 *   <li>the structure's {@code reseaux_porteurs} (v1), then its {@code labels_nationaux} (v0), in file order
 *       ({@link #KIND_BY_NETWORK}, which knows the names of both versions);</li>
 *   <li>its {@code typologie} (v0; {@link #KIND_BY_TYPOLOGY});</li>
 *   <li>its name, compared without case or accents, starting with or containing one of the words of
 *       {@link #KIND_BY_NAME} (e.g. "Écrivain public — permanence…" → {@code PUBLIC_WRITER}).</li>
 * </ol>
 *
 * <h2>Themes and procedure scopes</h2>
 * The union over the structure's services (and, in v0, the structure itself) of their {@code thematiques}: an exact
 * entry of {@link #EXACT} and, for the scopes, the entry of {@link #SCOPE_BY_CATEGORY} for the part before "--".
 *
 * <h2>How to reach them</h2>
 * The union over its services of {@code modes_mobilisation} (v1) and of {@code modes_orientation_beneficiaire} and
 * {@code modes_orientation_accompagnateur} (v0, which v1 merged into {@code modes_mobilisation}) ({@link #ACCESS});
 * a v0 {@code prise_rdv} link means an appointment can be made online. {@code modes_accueil} ("en-presentiel",
 * "a-distance") says where the service is given, not how to ask for it, and is not read.
 */
final class DataInclusionMapping {
    static final Map<String, String> KIND_BY_NETWORK = Map.ofEntries(
            Map.entry("caf", "CAF"),
            Map.entry("cpam", "CPAM"),
            Map.entry("carsat", "CARSAT"),
            Map.entry("france-service", "FRANCE_SERVICES"),
            Map.entry("ccas-cias", "CCAS"),
            Map.entry("unccas", "CCAS"),
            Map.entry("france-travail", "FRANCE_TRAVAIL"),
            Map.entry("pole-emploi", "FRANCE_TRAVAIL"),
            Map.entry("mission-locale", "MISSION_LOCALE"),
            Map.entry("emmaus-connect", "EMMAUS_CONNECT"),
            Map.entry("conseiller-numerique", "DIGITAL_MEDIATION"),
            Map.entry("conseillers-numeriques", "DIGITAL_MEDIATION"),
            Map.entry("espaces-publics-numeriques", "DIGITAL_MEDIATION"),
            Map.entry("point-justice", "LEGAL_AID"),
            Map.entry("points-justice", "LEGAL_AID"),
            Map.entry("cnam", "CPAM"),
            Map.entry("msap", "FRANCE_SERVICES"),
            Map.entry("communes", "TOWN_HALL"));

    static final Map<String, String> KIND_BY_TYPOLOGY = Map.ofEntries(
            Map.entry("CAF", "CAF"),
            Map.entry("CPAM", "CPAM"),
            Map.entry("CCAS", "CCAS"),
            Map.entry("CIAS", "CCAS"),
            Map.entry("ML", "MISSION_LOCALE"),
            Map.entry("PE", "FRANCE_TRAVAIL"),
            Map.entry("FT", "FRANCE_TRAVAIL"),
            Map.entry("RFS", "FRANCE_SERVICES"),
            Map.entry("MSAP", "FRANCE_SERVICES"),
            Map.entry("EPN", "DIGITAL_MEDIATION"),
            Map.entry("MUNI", "TOWN_HALL"),
            Map.entry("PREF", "PREFECTURE"),
            Map.entry("PAD", "LEGAL_AID"),
            Map.entry("ASSO", "ASSOCIATION"));

    /** Words of a name (without accents, lower case) → kind; checked in this order. */
    static final Map<String, String> KIND_BY_NAME = ordered(
            "ecrivain public", "PUBLIC_WRITER",
            "ecrivains publics", "PUBLIC_WRITER",
            "france services", "FRANCE_SERVICES",
            "mission locale", "MISSION_LOCALE",
            "emmaus connect", "EMMAUS_CONNECT",
            "centre des finances publiques", "TAX_OFFICE",
            "sous-prefecture", "PREFECTURE",
            "prefecture", "PREFECTURE",
            "mairie", "TOWN_HALL",
            "hotel de ville", "TOWN_HALL",
            "point-justice", "LEGAL_AID",
            "point justice", "LEGAL_AID",
            "ccas", "CCAS",
            "cias", "CCAS");

    /** A thematique → our theme and scope codes. */
    static final Map<String, List<String>> EXACT = Map.ofEntries(
            theme("numerique--realiser-des-demarches-administratives-avec-un-accompagnement", "ADMIN_PROCEDURES"),
            theme("numerique--devenir-autonome-dans-les-demarches-administratives", "ADMIN_PROCEDURES"),
            theme("numerique--acceder-a-des-services-en-ligne", "ADMIN_PROCEDURES"),
            theme("numerique--prendre-en-main-un-smartphone-ou-une-tablette", "EQUIPMENT_BASICS"),
            theme("numerique--prendre-en-main-un-ordinateur", "EQUIPMENT_BASICS"),
            theme("numerique--maitriser-les-fondamentaux-du-numerique", "EQUIPMENT_BASICS", "WEB_BROWSING", "EMAIL"),
            theme("numerique--utiliser-le-numerique-au-quotidien", "WEB_BROWSING", "EMAIL"),
            theme("numerique--approfondir-ma-culture-numerique", "DIGITAL_CULTURE"),
            theme("numerique--promouvoir-la-citoyennete-numerique", "DIGITAL_CULTURE"),
            theme("numerique--favoriser-mon-insertion-professionnelle", "EMPLOYMENT"),
            theme("numerique--creer-et-developper-mon-entreprise", "EMPLOYMENT"),
            theme("numerique--acceder-a-une-connexion-internet", "ACCESS"),
            theme("numerique--acceder-a-du-materiel", "ACCESS"),
            theme("numerique--s-equiper-en-materiel-informatique", "ACCESS"),
            theme("numerique--acquerir-un-equipement", "ACCESS"),
            theme("numerique--creer-avec-le-numerique", "CREATE"),
            theme("numerique--accompagner-les-demarches-de-sante", "HEALTH", "SOCIAL_HEALTH"),
            theme("numerique--soutenir-la-parentalite-et-l-education-avec-le-numerique", "PARENTING"),
            theme("difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives", "ADMIN_PROCEDURES"),
            theme("difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits", "ADMIN_PROCEDURES"),
            theme("difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete", "PAPERS"),
            theme("difficultes-administratives-ou-juridiques--connaitre-ses-droits-face-a-une-discrimination", "JUSTICE"),
            theme("acces-aux-droits-et-citoyennete--accompagnement-dans-les-demarches-administratives", "ADMIN_PROCEDURES"),
            theme("acces-aux-droits-et-citoyennete--accompagnement-juridique", "JUSTICE"),
            theme("acces-aux-droits-et-citoyennete--demandeurs-dasile-et-naturalisation", "FOREIGNERS"),
            theme("difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire", "JUSTICE"),
            theme("difficultes-financieres--acquisition-fournitures-numeriques", "ACCESS"),
            theme("equipement-et-alimentation--acces-a-un-telephone-et-un-abonnement", "ACCESS"),
            theme("equipement-et-alimentation--acces-a-du-materiel-informatique", "ACCESS"));

    /** The category of a thematique (before "--") → a procedure scope. */
    static final Map<String, String> SCOPE_BY_CATEGORY = Map.ofEntries(
            Map.entry("sante", "SOCIAL_HEALTH"),
            Map.entry("handicap", "SOCIAL_HEALTH"),
            Map.entry("famille", "FAMILY"),
            Map.entry("logement-hebergement", "HOUSING"),
            Map.entry("mobilite", "TRANSPORT"),
            Map.entry("trouver-un-emploi", "WORK"),
            Map.entry("preparer-sa-candidature", "WORK"),
            Map.entry("choisir-un-metier", "WORK"),
            Map.entry("se-former", "WORK"),
            Map.entry("creation-activite", "WORK"),
            Map.entry("creer-une-entreprise", "WORK"),
            Map.entry("difficultes-financieres", "MONEY"),
            Map.entry("gestion-financiere", "MONEY"));

    static final Map<String, PartnerAccess> ACCESS = Map.of(
            "se-presenter", PartnerAccess.PRESENT,
            "telephoner", PartnerAccess.PHONE,
            "envoyer-un-mail", PartnerAccess.EMAIL,
            "envoyer-un-courriel", PartnerAccess.EMAIL,
            "utiliser-lien-mobilisation", PartnerAccess.ONLINE_APPOINTMENT);

    private DataInclusionMapping() {
    }

    static String kind(DataInclusion.Structure s) {
        List<String> networks = new java.util.ArrayList<>(nonNull(s.reseauxPorteurs()));
        networks.addAll(nonNull(s.labelsNationaux()));
        for (String network : networks) {
            String kind = network == null ? null : KIND_BY_NETWORK.get(network.strip().toLowerCase(java.util.Locale.ROOT));
            if (kind != null) {
                return kind;
            }
        }
        if (s.typologie() != null && KIND_BY_TYPOLOGY.containsKey(s.typologie().strip().toUpperCase(java.util.Locale.ROOT))) {
            return KIND_BY_TYPOLOGY.get(s.typologie().strip().toUpperCase(java.util.Locale.ROOT));
        }
        String name = PartnerFilter.fold(s.nom());
        return KIND_BY_NAME.entrySet().stream().filter(e -> containsWord(name, e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(fr.relais.reference.PartnerKind.OTHER);
    }

    /** Theme and scope codes (ours, not checked against the reference lists here) of some thematiques. */
    static Set<String> codes(List<String> thematiques) {
        Set<String> codes = new LinkedHashSet<>();
        for (String t : nonNull(thematiques)) {
            if (t == null) {
                continue;
            }
            String word = t.strip().toLowerCase(java.util.Locale.ROOT);
            codes.addAll(EXACT.getOrDefault(word, List.of()));
            int dash = word.indexOf("--");
            Optional.ofNullable(SCOPE_BY_CATEGORY.get(dash < 0 ? word : word.substring(0, dash))).ifPresent(codes::add);
        }
        return codes;
    }

    /** The ways to reach a structure that one of its services gives. */
    static Set<PartnerAccess> access(DataInclusion.Service service) {
        List<String> modes = new java.util.ArrayList<>(nonNull(service.modesMobilisation()));
        modes.addAll(nonNull(service.modesOrientationBeneficiaire()));
        modes.addAll(nonNull(service.modesOrientationAccompagnateur()));
        Set<PartnerAccess> access = access(modes);
        if (service.priseRdv() != null && !service.priseRdv().isBlank()) {
            access.add(PartnerAccess.ONLINE_APPOINTMENT);
        }
        return access;
    }

    static Set<PartnerAccess> access(List<String> modes) {
        Set<PartnerAccess> access = new LinkedHashSet<>();
        for (String m : nonNull(modes)) {
            if (m != null && ACCESS.containsKey(m.strip().toLowerCase(java.util.Locale.ROOT))) {
                access.add(ACCESS.get(m.strip().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return access;
    }

    /** "ccas" in "ccas — antenne nord" but not in "succas": a whole word (or words) of the name. */
    private static boolean containsWord(String name, String words) {
        return (" " + name.replaceAll("[^a-z0-9-]+", " ") + " ").contains(" " + words + " ");
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Map.Entry<String, List<String>> theme(String thematique, String... codes) {
        return Map.entry(thematique, List.of(codes));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
