package fr.relais.accompaniment;

import fr.relais.stats.Tallies;
import fr.relais.stats.Tallies.Pair;

import java.util.ArrayList;
import java.util.List;

/**
 * What one accompaniment counts in the statistics' aggregates (ADR 0020): the dimensions a dashboard reads, each
 * with the record's value, and the two crossed pairs its two-way tables need. The same rules, in SQL, backfill the
 * aggregates in V8__statistics.sql.
 */
final class RecordFacts {
    static final String MODE = "MODE";
    static final String CHANNEL = "CHANNEL";
    static final String THEME = "THEME";
    static final String SCOPE = "SCOPE";
    static final String EQUIPMENT = "EQUIPMENT";
    static final String AUTONOMY = "AUTONOMY";
    static final String AGE = "AGE";
    static final String FIRST_VISIT = "FIRST_VISIT";
    static final String DURATION = "DURATION";
    /** Referrals only: the kind of partner the person was sent to. */
    static final String PARTNER_KIND = "PARTNER_KIND";
    static final String MODE_THEME = "MODE_THEME";
    static final String THEME_AGE = "THEME_AGE";

    /** Duration buckets, by their upper bound in minutes (inclusive); above the last, {@link #OVER_60}. */
    static final String UP_TO_15 = "UP_TO_15";
    static final String FROM_16_TO_30 = "16_TO_30";
    static final String FROM_31_TO_45 = "31_TO_45";
    static final String FROM_46_TO_60 = "46_TO_60";
    static final String OVER_60 = "OVER_60";

    private RecordFacts() {
    }

    static String durationBucket(int minutes) {
        if (minutes <= 15) {
            return UP_TO_15;
        }
        if (minutes <= 30) {
            return FROM_16_TO_30;
        }
        if (minutes <= 45) {
            return FROM_31_TO_45;
        }
        return minutes <= 60 ? FROM_46_TO_60 : OVER_60;
    }

    /** The record as stored, with its themes, scopes and equipment. */
    static Tallies.Fact of(Accompaniment a, List<String> themes, List<String> scopes, List<String> equipment) {
        String age = a.ageBracketCode() == null ? Tallies.NONE : a.ageBracketCode();
        List<Pair> pairs = new ArrayList<>();
        pairs.add(new Pair(Tallies.ALL, Tallies.EVERY));
        pairs.add(new Pair(MODE, a.mode().name()));
        pairs.add(new Pair(CHANNEL, a.channelCode()));
        pairs.add(new Pair(AUTONOMY, a.autonomy() == null ? Tallies.NONE : a.autonomy().name()));
        pairs.add(new Pair(AGE, age));
        pairs.add(new Pair(FIRST_VISIT, a.firstVisit() == null ? Tallies.NONE : a.firstVisit() ? "YES" : "NO"));
        pairs.add(new Pair(DURATION, durationBucket(a.durationMinutes())));
        if (a.mode() == AccompanimentMode.REFER && a.partnerKindCode() != null) {
            pairs.add(new Pair(PARTNER_KIND, a.partnerKindCode()));
        }
        for (String theme : themes.stream().distinct().toList()) {
            pairs.add(new Pair(THEME, theme));
            pairs.add(new Pair(MODE_THEME, a.mode().name() + Tallies.CROSS + theme));
            pairs.add(new Pair(THEME_AGE, theme + Tallies.CROSS + age));
        }
        scopes.stream().distinct().forEach(s -> pairs.add(new Pair(SCOPE, s)));
        equipment.stream().distinct().forEach(e -> pairs.add(new Pair(EQUIPMENT, e)));
        return new Tallies.Fact(a.siteId(), a.occurredOn(), 1, a.participants(), a.durationMinutes(), pairs);
    }
}
