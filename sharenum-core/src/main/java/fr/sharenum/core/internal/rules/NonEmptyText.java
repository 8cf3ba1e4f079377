package fr.sharenum.core.internal.rules;

import fr.sharenum.model.InvalidValueException;

/** A free text a workflow requires: not null, not blank. */
public final class NonEmptyText {
    private NonEmptyText() {
    }

    /**
     * @param field the field's name, e.g. {@code text}
     * @param text  the text
     * @throws InvalidValueException naming {@code field} when the text is null or blank
     */
    public static void check(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, "must not be empty");
        }
    }
}
