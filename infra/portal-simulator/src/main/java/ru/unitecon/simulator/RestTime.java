package ru.unitecon.simulator;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code time} object every REST answer carries (bitrix24.md §3). */
final class RestTime {
    private RestTime() {
    }

    static Map<String, Object> of(Instant start, Instant finish, ZoneId zone) {
        double startSeconds = start.toEpochMilli() / 1000.0;
        double finishSeconds = finish.toEpochMilli() / 1000.0;
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("start", startSeconds);
        time.put("finish", finishSeconds);
        time.put("duration", finishSeconds - startSeconds);
        time.put("processing", finishSeconds - startSeconds);
        time.put("date_start", FieldValues.dateTime(start, zone));
        time.put("date_finish", FieldValues.dateTime(finish, zone));
        time.put("operating", 0);
        time.put("operating_reset_at", start.getEpochSecond() + 600);
        return time;
    }
}
