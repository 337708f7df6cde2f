package ru.unitecon.core.portal;

/**
 * How the retention view counts repeat visits and what the win-back to-do offers. Seed 003 counts a client as
 * "came back" when the second visit follows the first within a window; salons use about two months.
 *
 * @param secondVisitDays a second order within this many days of the first counts as a second visit in time
 * @param winBackOffer    the offer text of the win-back to-do for a lost client; blank sends the to-do without one
 */
public record RetentionPolicy(int secondVisitDays, String winBackOffer) {
    public static final int DEFAULT_SECOND_VISIT_DAYS = 60;
    public static final int MAX_SECOND_VISIT_DAYS = 365;

    public RetentionPolicy {
        if (secondVisitDays < 1 || secondVisitDays > MAX_SECOND_VISIT_DAYS) {
            throw new IllegalArgumentException("the second-visit window is 1 to " + MAX_SECOND_VISIT_DAYS + " days");
        }
        winBackOffer = winBackOffer == null ? "" : winBackOffer.strip();
        if (winBackOffer.length() > ReminderPolicy.MAX_OFFER_LENGTH) {
            throw new IllegalArgumentException(
                    "the offer text is at most " + ReminderPolicy.MAX_OFFER_LENGTH + " characters");
        }
    }

    public static RetentionPolicy defaults() {
        return new RetentionPolicy(DEFAULT_SECOND_VISIT_DAYS,
                "Давно не виделись! Предложите клиенту запись со скидкой 10 % на следующий визит.");
    }
}
