package ru.unitecon.simulator.vk;

import java.util.Map;

/**
 * A VK Ads error as the wire shows it. Three documented shapes: the token endpoint's OAuth2
 * {@code {"error", "error_description"}}, a token problem on any API call ("Errors when using invalid tokens": 401
 * {@code {"code", "message"}} plus {@code WWW-Authenticate}), and a resource error (statistics:
 * {@code {"error": {"code", "message"}}}).
 */
final class VkError extends RuntimeException {
    enum Shape { OAUTH, TOKEN, RESOURCE }

    private final int httpStatus;
    private final String code;
    private final Shape shape;

    private VkError(int httpStatus, String code, String message, Shape shape) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
        this.shape = shape;
    }

    static VkError oauth(int httpStatus, String error, String description) {
        return new VkError(httpStatus, error, description, Shape.OAUTH);
    }

    static VkError token(String code, String message) {
        return new VkError(401, code, message, Shape.TOKEN);
    }

    static VkError resource(int httpStatus, String code, String message) {
        return new VkError(httpStatus, code, message, Shape.RESOURCE);
    }

    int httpStatus() {
        return httpStatus;
    }

    String code() {
        return code;
    }

    Shape shape() {
        return shape;
    }

    Map<String, Object> body() {
        return switch (shape) {
            case OAUTH -> Map.of("error", code, "error_description", getMessage());
            case TOKEN -> Map.of("code", code, "message", getMessage());
            case RESOURCE -> Map.of("error", Map.of("code", code, "message", getMessage()));
        };
    }

    String wwwAuthenticate() {
        return "Bearer realm=\"api\", error=\"" + code + "\", error_description=\"" + getMessage() + "\"";
    }
}
