package ru.unitecon.core.crm;

/** Bitrix24's status/stage semantics: {@code P} in progress, {@code S} success, {@code F} failure. */
public enum Semantic {
    IN_PROGRESS, SUCCESS, FAILURE;

    /** Parses STATUS_SEMANTIC_ID / STAGE_SEMANTIC_ID; Bitrix24 leaves it empty for open records. */
    public static Semantic fromCode(String code) {
        if (code == null || code.isBlank()) {
            return IN_PROGRESS;
        }
        return switch (code.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "S", "SUCCESS" -> SUCCESS;
            case "F", "FAILURE" -> FAILURE;
            case "P", "PROCESS" -> IN_PROGRESS;
            default -> throw new IllegalArgumentException("unknown semantic code: " + code);
        };
    }

    public String code() {
        return switch (this) {
            case IN_PROGRESS -> "P";
            case SUCCESS -> "S";
            case FAILURE -> "F";
        };
    }
}
