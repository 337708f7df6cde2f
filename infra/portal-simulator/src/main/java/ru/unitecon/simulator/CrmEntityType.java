package ru.unitecon.simulator;

import java.util.Locale;

/** The CRM entities the simulator stores, with the codes Bitrix24 uses for them in different places. */
public enum CrmEntityType {
    LEAD(1, "CRM_LEAD"),
    DEAL(2, "CRM_DEAL");

    private final int entityTypeId;
    private final String userFieldEntityId;

    CrmEntityType(int entityTypeId, String userFieldEntityId) {
        this.entityTypeId = entityTypeId;
        this.userFieldEntityId = userFieldEntityId;
    }

    public int entityTypeId() {
        return entityTypeId;
    }

    String userFieldEntityId() {
        return userFieldEntityId;
    }

    /** The lower-case word used in method names ({@code crm.lead.list}) and timeline ENTITY_TYPE. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CrmEntityType byEntityTypeId(long id) {
        for (CrmEntityType type : values()) {
            if (type.entityTypeId == id) {
                return type;
            }
        }
        return null;
    }
}
