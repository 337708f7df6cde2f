package ru.unitecon.ui.views;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import ru.unitecon.core.appointments.AppointmentState;
import ru.unitecon.core.portal.AppointmentFields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the portal keeps its appointments: the app's own fields, or a datetime field and an enumeration field of
 * the portal's own, with deal stages that mean a visit state.
 */
class AppointmentFieldsEditor extends Composite<VerticalLayout> {
    private final RadioButtonGroup<Boolean> appOwn = new RadioButtonGroup<>();
    private final TextField timeField = new TextField();
    private final TextField stateField = new TextField();
    private final VerticalLayout stages = new VerticalLayout();
    private final Button addStage = new Button();
    private final VerticalLayout portalFields = new VerticalLayout();
    private final List<StageRow> stageRows = new ArrayList<>();
    private boolean readOnly;

    AppointmentFieldsEditor() {
        appOwn.setId("appointment-fields-kind");
        appOwn.setItems(true, false);
        appOwn.setItemLabelGenerator(own -> getTranslation(own ? "settings.appointments.appOwn"
                : "settings.appointments.portalOwn"));
        appOwn.addValueChangeListener(event -> portalFields.setVisible(Boolean.FALSE.equals(event.getValue())));
        timeField.setId("appointment-time-field");
        timeField.setLabel(getTranslation("settings.appointments.timeField"));
        timeField.setPlaceholder("UF_CRM_VISIT_AT");
        stateField.setId("appointment-state-field");
        stateField.setLabel(getTranslation("settings.appointments.stateField"));
        stateField.setPlaceholder("UF_CRM_VISIT_STATE");
        stateField.setHelperText(getTranslation("settings.appointments.stateFieldHelp"));
        addStage.setText(getTranslation("settings.appointments.addStage"));
        addStage.setId("stage-add");
        addStage.addClickListener(event -> {
            stageRows.add(new StageRow("", AppointmentState.ATTENDED));
            render();
        });
        stages.setPadding(false);
        stages.setSpacing(false);
        portalFields.setPadding(false);
        portalFields.add(new HorizontalLayout(timeField, stateField), stages, addStage);
        getContent().setPadding(false);
        getContent().add(new H3(getTranslation("settings.appointments.title")), appOwn, portalFields);
    }

    void show(AppointmentFields fields) {
        appOwn.setValue(fields.isAppOwn());
        portalFields.setVisible(!fields.isAppOwn());
        timeField.setValue(fields.isAppOwn() ? "" : fields.timeField());
        stateField.setValue(fields.isAppOwn() || fields.stateField() == null ? "" : fields.stateField());
        stageRows.clear();
        fields.stageStates().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> stageRows.add(new StageRow(entry.getKey(), entry.getValue())));
        render();
    }

    /** The mapping on screen, or empty after marking what is wrong. */
    Optional<AppointmentFields> read(FieldChecks checks) {
        if (Boolean.TRUE.equals(appOwn.getValue())) {
            return Optional.of(AppointmentFields.appOwn());
        }
        String time = checks.check(timeField, getTranslation("settings.error.timeField"),
                () -> new AppointmentFields(timeField.getValue().strip(), null, Map.of()).timeField());
        String state = stateField.getValue().isBlank() ? null
                : checks.check(stateField, getTranslation("settings.error.stateField"),
                () -> new AppointmentFields(AppointmentFields.APP_TIME_FIELD, stateField.getValue().strip(), Map.of())
                        .stateField());
        if (stateField.getValue().isBlank()) {
            stateField.setInvalid(false);
        }
        Map<String, AppointmentState> stageStates = new LinkedHashMap<>();
        boolean stagesValid = true;
        for (StageRow row : stageRows) {
            String stage = checks.check(row.stage, getTranslation("settings.error.stage"),
                    () -> new AppointmentFields(AppointmentFields.APP_TIME_FIELD, null,
                            Map.of(row.stage.getValue().strip(), FieldChecks.required(row.state.getValue())))
                            .stageStates().keySet().iterator().next());
            if (stage == null) {
                stagesValid = false;
            } else {
                stageStates.put(stage, row.state.getValue());
            }
        }
        boolean timeValid = time != null;
        boolean stateValid = stateField.getValue().isBlank() || state != null;
        return timeValid && stateValid && stagesValid
                ? Optional.of(new AppointmentFields(time, state, stageStates)) : Optional.empty();
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        appOwn.setReadOnly(readOnly);
        timeField.setReadOnly(readOnly);
        stateField.setReadOnly(readOnly);
        addStage.setVisible(!readOnly);
        render();
    }

    private void render() {
        stages.removeAll();
        for (int i = 0; i < stageRows.size(); i++) {
            StageRow row = stageRows.get(i);
            row.stage.setId("stage-" + i);
            row.state.setId("stage-" + i + "-state");
            row.remove.setId("stage-" + i + "-remove");
            row.stage.setReadOnly(readOnly);
            row.state.setReadOnly(readOnly);
            row.remove.setVisible(!readOnly);
            stages.add(row.layout);
        }
    }

    /** A deal stage (STAGE_ID) and the visit state it means. */
    private final class StageRow {
        private final TextField stage = new TextField();
        private final Select<AppointmentState> state = new Select<>();
        private final Button remove = new Button("✕");
        private final HorizontalLayout layout = new HorizontalLayout(stage, state, remove);

        StageRow(String stageId, AppointmentState appointmentState) {
            stage.setLabel(getTranslation("settings.appointments.stage"));
            stage.setPlaceholder("C1:WON");
            stage.setValue(stageId);
            state.setLabel(getTranslation("settings.appointments.state"));
            state.setItems(AppointmentState.values());
            state.setItemLabelGenerator(value -> getTranslation("appointments.state." + value.name()));
            state.setValue(appointmentState);
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("settings.appointments.removeStage"));
            remove.addClickListener(event -> {
                stageRows.remove(this);
                render();
            });
            layout.setAlignItems(FlexComponent.Alignment.BASELINE);
        }
    }
}
