package fr.relais.accompaniment;

import java.util.Optional;

/** The autonomy the helper observed: entièrement accompagné, partiellement autonome, autonome. */
public enum Autonomy {
    ACCOMPANIED, PARTLY_AUTONOMOUS, AUTONOMOUS;

    public String labelKey() {
        return "accompaniment.autonomy." + name();
    }

    static Optional<Autonomy> parse(String code) {
        for (Autonomy a : values()) {
            if (a.name().equals(code)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
