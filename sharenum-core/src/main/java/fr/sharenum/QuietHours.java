package fr.sharenum;

import java.time.LocalTime;
import java.util.Objects;

/**
 * Hours, in each helper's local time (their establishment's académie), during which no alert is sent: an alert
 * that falls in them waits until they end. When {@code end} is before {@code start} they span midnight (20:00–07:00:
 * from 20:00 to 07:00 the next morning). Equal {@code start} and {@code end} mean no quiet hours at all
 * ({@link #OFF}). Given to {@link ShareNum.Builder#quietHours(QuietHours)}.
 *
 * @param start start of the quiet hours, inclusive, helper's local time
 * @param end   end of the quiet hours, exclusive (the next day when before {@code start}); equal to {@code start}
 *              for none
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** No quiet hours: every alert is sent as it comes. */
    public static final QuietHours OFF = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    /**
     * Checks the bounds.
     *
     * @param start start of the quiet hours, helper's local time
     * @param end   end of the quiet hours; equal to {@code start} for none
     * @throws NullPointerException when a bound is missing
     */
    public QuietHours {
        Objects.requireNonNull(start, "quiet hours start");
        Objects.requireNonNull(end, "quiet hours end");
    }

    /**
     * Quiet hours from {@code start} to {@code end}.
     *
     * @param start start, helper's local time
     * @param end   end (the next day when before {@code start}); equal to {@code start} for none
     * @return the quiet hours
     */
    public static QuietHours of(LocalTime start, LocalTime end) {
        return new QuietHours(start, end);
    }

    /**
     * ShareNum's default: 20:00–07:00.
     *
     * @return the default quiet hours
     */
    public static QuietHours defaults() {
        return new QuietHours(LocalTime.of(20, 0), LocalTime.of(7, 0));
    }

    /**
     * Whether there are no quiet hours.
     *
     * @return true when {@code start} equals {@code end}
     */
    public boolean isOff() {
        return start.equals(end);
    }

    /**
     * Whether {@code time} falls in the quiet hours.
     *
     * @param time a local time
     * @return whether an alert at that time waits
     */
    public boolean contains(LocalTime time) {
        if (isOff()) {
            return false;
        }
        return spansMidnight() ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
    }

    /**
     * Whether the quiet hours run over midnight (end before start).
     *
     * @return whether they end the next day
     */
    public boolean spansMidnight() {
        return start.isAfter(end);
    }
}
