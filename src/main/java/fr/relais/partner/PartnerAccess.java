package fr.relais.partner;

/** How a person reaches a partner; labels are the message keys {@code partner.access.<NAME>}. */
public enum PartnerAccess {
    /** Se présenter sur place. */
    PRESENT,
    /** Téléphoner. */
    PHONE,
    /** Envoyer un courriel. */
    EMAIL,
    /** Prendre rendez-vous en ligne. */
    ONLINE_APPOINTMENT;

    /** The message key of its label ("Se présenter"…), in the partner bundle. */
    public String labelKey() {
        return "partner.access." + name();
    }

    static java.util.Optional<PartnerAccess> parse(String code) {
        for (PartnerAccess a : values()) {
            if (a.name().equals(code)) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }
}
