package fr.relais.appointment;

/** One option of a drop-down list or a group of check boxes ({@code partials/select}, {@code partials/choices}). */
record Choice(String code, String label, boolean checked) {
    static Choice of(String code, String label) {
        return new Choice(code, label, false);
    }
}
