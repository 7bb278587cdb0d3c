package fr.relais.partner;

import io.micronaut.core.annotation.Nullable;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What to look for in the directory; every criterion is optional. {@code q} is part of the name and {@code town}
 * the town, both compared without case or accents ("emmaus" finds "Emmaüs Connect"); kind, theme and scope are
 * codes. Inactive entries are left out unless {@code withInactive} (and then only for those who manage them).
 */
public record PartnerFilter(@Nullable String q, @Nullable String kind, @Nullable String theme, @Nullable String scope,
                            @Nullable String town, boolean withInactive) {
    public static final PartnerFilter NONE = new PartnerFilter(null, null, null, null, null, false);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    public PartnerFilter {
        q = blankToNull(q);
        kind = blankToNull(kind);
        theme = blankToNull(theme);
        scope = blankToNull(scope);
        town = blankToNull(town);
    }

    public boolean matches(PartnerSummary p) {
        return (q == null || fold(p.name()).contains(fold(q)))
                && (kind == null || kind.equals(p.kindCode()))
                && (theme == null || p.themeCodes().contains(theme))
                && (scope == null || p.scopeCodes().contains(scope))
                && (town == null || fold(town).equals(fold(p.town())))
                && (withInactive || p.active());
    }

    /** True when some criterion narrows the list. */
    public boolean any() {
        return q != null || kind != null || theme != null || scope != null || town != null;
    }

    /** Lower case, without accents, spaces collapsed: "  Vénissieux " → "venissieux". */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ")
                .replace('’', '\'').replace('—', '-').replace('–', '-');
    }

    private static String blankToNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // A query string is typed by people (or edited): keep it short rather than refuse it.
        String s = value.strip();
        return s.length() > 150 ? s.substring(0, 150) : s;
    }
}
