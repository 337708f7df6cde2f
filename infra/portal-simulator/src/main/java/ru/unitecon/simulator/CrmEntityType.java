package ru.unitecon.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The CRM entities the simulator stores, with the codes Bitrix24 uses for them in different places. */
public enum CrmEntityType {
    LEAD(1, "CRM_LEAD", "STATUS_ID", "STATUS_SEMANTIC_ID", "STATUS"),
    DEAL(2, "CRM_DEAL", "STAGE_ID", "STAGE_SEMANTIC_ID", "DEAL_STAGE");

    private final int entityTypeId;
    private final String userFieldEntityId;
    private final String stageField;
    private final String semanticField;
    private final String stageDictionary;

    CrmEntityType(int entityTypeId, String userFieldEntityId, String stageField, String semanticField,
                  String stageDictionary) {
        this.entityTypeId = entityTypeId;
        this.userFieldEntityId = userFieldEntityId;
        this.stageField = stageField;
        this.semanticField = semanticField;
        this.stageDictionary = stageDictionary;
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

    /** STATUS_ID of a lead, STAGE_ID of a deal. */
    String stageField() {
        return stageField;
    }

    String semanticField() {
        return semanticField;
    }

    /** The crm.status.list ENTITY_ID the stages live in ({@code DEAL_STAGE}, {@code DEAL_STAGE_1}, …). */
    String stageDictionary() {
        return stageDictionary;
    }

    /** Where a new record starts: NEW, or C{n}:NEW in deal pipeline n. */
    String initialStage(Object categoryId) {
        String category = categoryId == null ? "0" : String.valueOf(categoryId);
        return this == DEAL && !category.equals("0") ? "C" + category + ":NEW" : "NEW";
    }

    /** The semantic letter of a stage in the portal's dictionary: S success, F failure, P in progress (also when unknown). */
    String semanticOf(String stageId, List<Map<String, Object>> statuses) {
        return statuses.stream()
                .filter(s -> String.valueOf(s.get("ENTITY_ID")).startsWith(stageDictionary)
                        && String.valueOf(s.get("STATUS_ID")).equals(stageId))
                .map(s -> s.get("SEMANTICS") == null ? "P" : String.valueOf(s.get("SEMANTICS")))
                .findFirst()
                .orElse("P");
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
