package fr.sharenum.model;

/**
 * An iCalendar (RFC 5545) object to attach to a notification, so the member adds the event to the
 * agenda of their ENT or mail client. Every invitation about one event carries the same
 * {@link #uid()}; an update or a cancellation carries a higher {@link #sequence()}.
 *
 * @param uid      iCalendar UID of the event
 * @param sequence iCalendar SEQUENCE
 * @param method   iTIP method (RFC 5546): {@code PUBLISH} for an announcement, {@code REQUEST} for a
 *                 seat or a change, {@code CANCEL} for a cancellation
 * @param ics      the whole {@code text/calendar} document, CRLF line endings, UTF-8
 */
public record Invitation(String uid, int sequence, String method, String ics) {
    /**
     * Checks and normalises the components.
     *
     * @param uid iCalendar UID of the event
     * @param sequence iCalendar SEQUENCE
     * @param method iTIP method (RFC 5546): {@code PUBLISH} for an announcement, {@code REQUEST} for a seat or a change, {@code CANCEL} for a cancellation
     * @param ics the whole {@code text/calendar} document, CRLF line endings, UTF-8
     */
    public Invitation {
        uid = InvalidValueException.require("uid", uid);
        method = InvalidValueException.require("method", method);
        if (ics == null || ics.isBlank()) {
            throw new InvalidValueException("ics", "must not be empty");
        }
        // kept byte for byte: every iCalendar line, the last included, ends with CRLF
    }

    /**
     * MIME type to send it with, e.g. {@code text/calendar; charset=UTF-8; method=REQUEST}.
     *
     * @return the content type
     */
    public String contentType() {
        return "text/calendar; charset=UTF-8; method=" + method;
    }

    /**
     * A file name for the attachment.
     *
     * @return a file name for the attachment
     */
    public String fileName() {
        return "CANCEL".equals(method) ? "annulation.ics" : "invitation.ics";
    }
}
