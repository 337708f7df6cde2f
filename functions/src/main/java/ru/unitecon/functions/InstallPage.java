package ru.unitecon.functions;

/**
 * The pages the install frame shows. The finished page loads the portal's JS library and calls
 * {@code BX24.installFinish()}: until it does, the portal holds the app's events and placements back.
 */
final class InstallPage {
    private InstallPage() {
    }

    static String finished(String language) {
        boolean russian = language == null || language.startsWith("ru");
        String message = russian ? "Приложение установлено. Загружаем данные CRM…"
                : "The app is installed. Loading your CRM data…";
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Unit economics</title>"
                + "<script src=\"//api.bitrix24.com/api/v1/\"></script></head><body><p>" + message + "</p>"
                + "<script>BX24.init(function () { BX24.installFinish(); });</script></body></html>";
    }

    static String failed(String message) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Unit economics</title></head><body><p>"
                + escape(message) + "</p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
