package ru.unitecon.functions;

/**
 * The pages the install frame shows. The finished page loads the portal's JS library and calls
 * {@code BX24.installFinish()}: until it does, the portal holds the app's events and placements back.
 */
final class InstallPage {
    private InstallPage() {
    }

    static String finished(String language) {
        boolean russian = isRussian(language);
        String message = russian ? "Приложение установлено. Загружаем данные CRM…"
                : "The app is installed. Loading your CRM data…";
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Unit economics</title>"
                + "<script src=\"//api.bitrix24.com/api/v1/\"></script></head><body><p>" + message + "</p>"
                + "<script>BX24.init(function () { BX24.installFinish(); });</script></body></html>";
    }

    /** The answer to a portal user who is not its administrator (the portal's language: LANG, LANGUAGE_ID). */
    static String administratorsOnly(String language) {
        return failed(isRussian(language)
                ? "Установить или обновить приложение может только администратор Битрикс24. "
                        + "Попросите администратора вашего портала установить «Юнит-экономику»."
                : "Only a Bitrix24 administrator can install or update this app. "
                        + "Please ask an administrator of your portal to install Unit economics.");
    }

    static String failed(String message) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Unit economics</title></head><body><p>"
                + escape(message) + "</p></body></html>";
    }

    /** Russian first: a portal that names no language, or Russian, gets Russian; any other language English. */
    private static boolean isRussian(String language) {
        return language == null || language.startsWith("ru");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
