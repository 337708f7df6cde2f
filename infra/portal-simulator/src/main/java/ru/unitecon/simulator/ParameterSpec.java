package ru.unitecon.simulator;

import java.util.List;

/** One documented parameter of a REST method, or one field inside an object parameter such as {@code fields}. */
record ParameterSpec(String name, String type, boolean required, List<ParameterSpec> fields, boolean userFieldsAllowed) {

    ParameterSpec {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
