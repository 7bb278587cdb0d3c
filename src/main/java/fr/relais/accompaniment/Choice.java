package fr.relais.accompaniment;

import java.util.ArrayList;
import java.util.List;

/**
 * One option of a group of radio buttons or check boxes ({@code partials/choices}) or of a drop-down list
 * ({@code partials/select}). {@code optionHint} is read with the option; {@code optionId} replaces the code in the
 * element's id (an empty code, an index).
 */
record Choice(String code, String label, boolean checked, boolean disabled, boolean autofocus, String optionHint,
              String optionId) {

    static Choice of(String code, String label, boolean checked) {
        return new Choice(code, label, checked, false, false, "", "");
    }

    Choice withId(String id) {
        return new Choice(code, label, checked, disabled, autofocus, optionHint, id);
    }

    /** The same options, the first one with the focus when {@code focus}: the first choice left to make. */
    static List<Choice> focusFirst(List<Choice> choices, boolean focus) {
        if (!focus || choices.isEmpty()) {
            return choices;
        }
        List<Choice> focused = new ArrayList<>(choices);
        Choice first = choices.get(0);
        focused.set(0, new Choice(first.code, first.label, first.checked, first.disabled, true, first.optionHint,
                first.optionId));
        return focused;
    }
}
