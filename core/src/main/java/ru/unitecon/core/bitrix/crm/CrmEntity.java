package ru.unitecon.core.bitrix.crm;

/** The CRM record kinds the app reads, with their legacy REST method names. */
public enum CrmEntity {
    LEAD("crm.lead"), DEAL("crm.deal");

    private final String prefix;

    CrmEntity(String prefix) {
        this.prefix = prefix;
    }

    public String getMethod() {
        return prefix + ".get";
    }

    public String listMethod() {
        return prefix + ".list";
    }

    public String userFieldListMethod() {
        return prefix + ".userfield.list";
    }

    public String userFieldAddMethod() {
        return prefix + ".userfield.add";
    }
}
