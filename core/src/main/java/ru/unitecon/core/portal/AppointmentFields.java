package ru.unitecon.core.portal;

import ru.unitecon.core.appointments.AppointmentState;

import java.util.Map;
import java.util.Objects;

/**
 * Which CRM fields hold a portal's appointments. By default the app's own user fields; a portal that already
 * tracks visits elsewhere names its own datetime field and enumeration field, and may map deal stages to states.
 *
 * @param timeField   a datetime user field of leads and deals ({@code UF_CRM_…})
 * @param stateField  an enumeration user field whose items' XML_IDs are state names, or null to use stages only
 * @param stageStates deal stage id ({@code STAGE_ID}) to appointment state, applied when the state field is empty
 */
public record AppointmentFields(String timeField, String stateField, Map<String, AppointmentState> stageStates) {
    public static final String APP_TIME_FIELD = "UF_CRM_UE_APPT_AT";
    public static final String APP_STATE_FIELD = "UF_CRM_UE_APPT_STATE";
    private static final String USER_FIELD = "UF_CRM_[A-Z0-9_]{1,40}";
    private static final String STAGE = "[A-Za-z0-9_:]{1,50}";

    public AppointmentFields {
        if (timeField == null || !timeField.matches(USER_FIELD)) {
            throw new IllegalArgumentException("the appointment time field must be a user field such as UF_CRM_VISIT_AT");
        }
        if (stateField != null && !stateField.matches(USER_FIELD)) {
            throw new IllegalArgumentException("the appointment state field must be a user field such as UF_CRM_VISIT");
        }
        Objects.requireNonNull(stageStates, "stageStates");
        for (String stage : stageStates.keySet()) {
            if (!stage.matches(STAGE)) {
                throw new IllegalArgumentException("not a deal stage id: " + stage);
            }
        }
        stageStates = Map.copyOf(stageStates);
    }

    public static AppointmentFields appOwn() {
        return new AppointmentFields(APP_TIME_FIELD, APP_STATE_FIELD, Map.of());
    }

    public boolean isAppOwn() {
        return equals(appOwn());
    }
}
