package fr.relais.reference;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reference lists, read once: they change only with a migration. Labels in the page's language
 * (English where the list has it, French otherwise).
 */
@Singleton
public class ReferenceData {
    /** The theme whose accompaniments and appointments name a procedure scope. */
    public static final String PROCEDURES_THEME = "ADMIN_PROCEDURES";
    private final List<Theme> themes;
    private final List<ProcedureScope> scopes;
    private final Map<String, Theme> themeByCode;
    private final Map<String, ProcedureScope> scopeByCode;
    private final List<PartnerKind> kinds;
    private final Map<String, PartnerKind> kindByCode;
    private final ReferenceRepositories.Bring bring;

    ReferenceData(ReferenceRepositories.Themes themes, ReferenceRepositories.Scopes scopes, ReferenceRepositories.Bring bring,
                  ReferenceRepositories.Kinds kinds) {
        this.themes = themes.findAllOrderByPosition();
        this.scopes = scopes.findAllOrderByPosition();
        this.themeByCode = this.themes.stream().collect(Collectors.toMap(Theme::code, Function.identity()));
        this.scopeByCode = this.scopes.stream().collect(Collectors.toMap(ProcedureScope::code, Function.identity()));
        this.bring = bring;
        this.kinds = kinds.findAllOrderByPosition();
        this.kindByCode = this.kinds.stream().collect(Collectors.toMap(PartnerKind::code, Function.identity()));
    }

    public record Option(String code, String label) {
    }

    public List<Option> themes(Locale locale) {
        return themes.stream().map(t -> new Option(t.code(), label(t.labelFr(), t.labelEn(), locale))).toList();
    }

    public List<Option> scopes(Locale locale) {
        return scopes.stream().map(s -> new Option(s.code(), label(s.labelFr(), s.labelEn(), locale))).toList();
    }

    public List<Option> partnerKinds(Locale locale) {
        return kinds.stream().map(k -> new Option(k.code(), label(k.labelFr(), k.labelEn(), locale))).toList();
    }

    public Optional<PartnerKind> partnerKind(String code) {
        return Optional.ofNullable(code == null ? null : kindByCode.get(code));
    }

    public String partnerKindLabel(String code, Locale locale) {
        return partnerKind(code).map(k -> label(k.labelFr(), k.labelEn(), locale)).orElse(code);
    }

    public Optional<Theme> theme(String code) {
        return Optional.ofNullable(code == null ? null : themeByCode.get(code));
    }

    public Optional<ProcedureScope> scope(String code) {
        return Optional.ofNullable(code == null ? null : scopeByCode.get(code));
    }

    public String themeLabel(String code, Locale locale) {
        return theme(code).map(t -> label(t.labelFr(), t.labelEn(), locale)).orElse(code);
    }

    public String scopeLabel(String code, Locale locale) {
        return scope(code).map(s -> label(s.labelFr(), s.labelEn(), locale)).orElse(code);
    }

    /** "Aide aux démarches en ligne — Logement": the reason in plain words. */
    public String reason(String themeCode, String scopeCode, Locale locale) {
        String theme = themeLabel(themeCode, locale);
        return scopeCode == null ? theme : theme + " — " + scopeLabel(scopeCode, locale);
    }

    /** The checklist for a theme and an optional scope: lines for any visit, then the theme's, then the scope's. */
    public List<String> whatToBring(String themeCode, String scopeCode) {
        List<String> codes = new ArrayList<>(List.of("ANY", themeCode));
        if (scopeCode != null) {
            codes.add(scopeCode);
        }
        return new ArrayList<>(new LinkedHashSet<>(bring.findByTargetInOrderByPosition(codes).stream()
                .map(WhatToBring::lineFr).toList()));
    }

    private static String label(String fr, String en, Locale locale) {
        return "en".equals(locale.getLanguage()) && en != null ? en : fr;
    }
}
