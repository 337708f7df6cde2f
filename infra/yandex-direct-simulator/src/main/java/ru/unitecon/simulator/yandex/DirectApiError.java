package ru.unitecon.simulator.yandex;

import java.util.Locale;
import java.util.Map;

/**
 * An error of the Reports service as the wire shows it (Reports "Response codes and error codes"; API v5 "Errors and
 * warnings"): HTTP status plus {@code error_code}, {@code error_string}, {@code error_detail}. The string is given in
 * English or Russian after Accept-Language, as the API does.
 */
final class DirectApiError extends RuntimeException {
    /** API v5 error codes the simulator answers with, and their documented messages (en, ru). */
    enum Code {
        AUTHORIZATION_SERVER_UNAVAILABLE(52, "Authorization server temporarily unavailable", "Сервер авторизации временно недоступен"),
        AUTHORIZATION_ERROR(53, "Authorization error", "Ошибка авторизации"),
        NO_RIGHTS(54, "No rights", "Нет прав"),
        INCOMPLETE_REGISTRATION(58, "Incomplete registration", "Незавершенная регистрация"),
        NOT_A_DIRECT_USER(513, "Your username is not enabled in Yandex Direct", "Ваш логин не подключен к Яндекс Директу"),
        SERVER_UNAVAILABLE(1000, "Server temporarily unavailable", "Сервер временно недоступен"),
        INVALID_REQUEST_PARAMETERS(4000, "Invalid request parameters", "Параметры запроса указаны неверно"),
        INVALID_REQUEST(8000, "Invalid request", "Неверный запрос"),
        REPORT_QUEUE_LIMIT(9000, "Limit exceeded on the number of reports in the queue",
                "Превышен лимит на количество отчетов в очереди");

        final int number;
        private final Map<String, String> strings;

        Code(int number, String english, String russian) {
            this.number = number;
            this.strings = Map.of("en", english, "ru", russian);
        }

        String string(String language) {
            return strings.getOrDefault(language, strings.get("en"));
        }
    }

    private final int httpStatus;
    private final Code code;

    DirectApiError(int httpStatus, Code code, String detail) {
        super(detail, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    static DirectApiError badRequest(Code code, String detail) {
        return new DirectApiError(400, code, detail);
    }

    int httpStatus() {
        return httpStatus;
    }

    Code code() {
        return code;
    }

    String detail() {
        return getMessage();
    }

    /** The documented error JSON: {@code {"error": {request_id, error_code, error_string, error_detail}}}. */
    Map<String, Object> body(String requestId, String language) {
        return Map.of("error", Map.of(
                "request_id", requestId,
                "error_code", code.number,
                "error_string", code.string(language),
                "error_detail", detail()));
    }

    /** Accept-Language: Russian texts for ru, English for anything else (the API's tr and uk texts are not simulated). */
    static String language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "en";
        }
        String first = acceptLanguage.split("[,;]")[0].trim().toLowerCase(Locale.ROOT);
        return first.startsWith("ru") ? "ru" : "en";
    }
}
