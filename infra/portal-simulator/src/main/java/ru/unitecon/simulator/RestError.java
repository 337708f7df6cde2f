package ru.unitecon.simulator;

/** A REST or OAuth failure as the wire shows it: HTTP status plus {@code error}/{@code error_description}. */
final class RestError extends RuntimeException {
    private final int httpStatus;
    private final String code;

    RestError(int httpStatus, String code, String description) {
        super(description, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    static RestError invalidArgument(String description) {
        return new RestError(400, "INVALID_ARG_VALUE", description);
    }

    static RestError notFound(String description) {
        return new RestError(400, "NOT_FOUND", description);
    }

    int httpStatus() {
        return httpStatus;
    }

    String code() {
        return code;
    }

    String description() {
        return getMessage();
    }
}
