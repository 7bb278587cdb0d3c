package fr.relais.accompaniment;

import java.util.Optional;

/** The three postures of the helper charters: faire avec, faire à la place, orienter. */
public enum AccompanimentMode {
    DO_WITH, DO_FOR, REFER;

    /** "Faire avec", "Faire à la place", "Orienter". */
    public String labelKey() {
        return "accompaniment.mode." + name();
    }

    static Optional<AccompanimentMode> parse(String code) {
        for (AccompanimentMode m : values()) {
            if (m.name().equals(code)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
