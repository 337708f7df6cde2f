package ru.unitecon.ui.views;

import com.vaadin.flow.component.HasValidation;

import java.time.DateTimeException;
import java.util.function.Supplier;

/**
 * Reads form fields through the core constructors that validate them: a value they refuse marks its field
 * invalid with the field's message, and the form as a whole as not to be saved.
 */
final class FieldChecks {
    private boolean valid = true;

    /** The value {@code read} builds, or null after marking {@code field} invalid with {@code message}. */
    <T> T check(HasValidation field, String message, Supplier<T> read) {
        try {
            T value = read.get();
            field.setInvalid(false);
            return value;
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException refused) {
            field.setErrorMessage(message);
            field.setInvalid(true);
            valid = false;
            return null;
        }
    }

    boolean valid() {
        return valid;
    }

    /** An empty field is refused like a wrong value, with the field's own message. */
    static <T> T required(T value) {
        if (value == null) {
            throw new IllegalArgumentException("required");
        }
        return value;
    }
}
