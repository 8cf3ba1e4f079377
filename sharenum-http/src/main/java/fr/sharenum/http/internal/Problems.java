package fr.sharenum.http.internal;

import fr.sharenum.http.AuthenticationException;
import fr.sharenum.model.BusBookingException;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.LimitExceededException;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.ShareNumException;
import fr.sharenum.model.TrainingsFirstException;
import fr.sharenum.model.VerificationFailedException;
import fr.sharenum.model.VersionConflictException;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Refusals as RFC 9457 problems: the library's {@link ShareNumException}s by type, and the HTTP layer's own
 * {@link ApiError}s. The {@code code} is the refusal's stable code; the {@code detail} is the library's
 * message in the reader's language when the library translates it, else this API's generic sentence for the
 * code (French or English) with the library's own words in {@code reason}.
 *
 * <table>
 *   <caption>status by refusal</caption>
 *   <tr><td>{@link AuthenticationException}</td><td>401</td></tr>
 *   <tr><td>{@link NotAllowedException} ({@code access.…}, {@code not-allowed})</td><td>403</td></tr>
 *   <tr><td>{@link NotFoundException}</td><td>404</td></tr>
 *   <tr><td>{@link DuplicateException}, {@link IllegalTransitionException}, {@link TrainingsFirstException},
 *       {@link BusBookingException}</td><td>409</td></tr>
 *   <tr><td>{@link VersionConflictException}</td><td>412 (the If-Match version is stale)</td></tr>
 *   <tr><td>{@link InvalidValueException} (and {@code invalid-uai}, {@code email-not-allowed}),
 *       {@link VerificationFailedException}</td><td>422</td></tr>
 *   <tr><td>{@link LimitExceededException}</td><td>429</td></tr>
 * </table>
 */
public final class Problems {

    /** The media type of problems. */
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "urn:sharenum:problem:";
    private static final String BUNDLE = "fr.sharenum.http.problems";

    private Problems() {
    }

    /**
     * @param e a library refusal
     * @return its HTTP status
     */
    public static int status(ShareNumException e) {
        if (e instanceof AuthenticationException) {
            return 401;
        }
        if (e instanceof NotAllowedException) {
            return 403;
        }
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof DuplicateException || e instanceof IllegalTransitionException || e instanceof TrainingsFirstException
                || e instanceof BusBookingException) {
            return 409;
        }
        if (e instanceof VersionConflictException) {
            return 412;
        }
        if (e instanceof LimitExceededException) {
            return 429;
        }
        return 422;
    }

    /**
     * @param e        a library refusal
     * @param locale   the reader's language
     * @param instance the request path
     * @return the problem
     */
    public static Bodies.Problem of(ShareNumException e, Locale locale, String instance) {
        int status = status(e);
        String field = e instanceof InvalidValueException iv ? iv.field() : null;
        String detail;
        String reason = null;
        if (e.translated()) {
            detail = e.message(locale);
            reason = e.arguments().isEmpty() ? e.getMessage() : null;
        } else {
            Object[] args = e instanceof NotFoundException nf ? new Object[] {nf.kind(), nf.id()}
                    : field != null ? new Object[] {field} : new Object[0];
            String generic = text("detail." + e.code(), locale, args);
            if (generic == null) {
                generic = text("detail.not-allowed", locale);
            }
            detail = generic;
            reason = e.getMessage();
        }
        return new Bodies.Problem(TYPE_BASE + e.code(), title(status, locale), status, detail, instance, e.code(), field, reason);
    }

    /**
     * @param e        an HTTP-layer refusal
     * @param locale   the reader's language
     * @param instance the request path
     * @return the problem
     */
    public static Bodies.Problem of(ApiError e, Locale locale, String instance) {
        String detail = text("detail." + e.code(), locale, e.arguments().toArray());
        return new Bodies.Problem(TYPE_BASE + e.code(), title(e.status(), locale), e.status(), detail == null ? e.code() : detail,
                instance, e.code(), e.field(), null);
    }

    /**
     * French unless the reader prefers English ({@code Accept-Language}, by weight).
     *
     * @param acceptLanguage the header, or null
     * @return {@link Locale#ENGLISH} or {@link Locale#FRENCH}
     */
    public static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.FRENCH;
        }
        try {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                String lang = r.getRange().split("-")[0];
                if (lang.equals("fr") || lang.equals("*")) {
                    return Locale.FRENCH;
                }
                if (lang.equals("en")) {
                    return Locale.ENGLISH;
                }
            }
        } catch (IllegalArgumentException e) {
            return Locale.FRENCH;
        }
        return Locale.FRENCH;
    }

    /**
     * Every code this API's bundle describes, for the tests and the OpenAPI description.
     *
     * @return the keys of the French bundle
     */
    public static List<String> bundleKeys(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale).keySet().stream().sorted().toList();
    }

    static String title(int status, Locale locale) {
        String t = text("title." + status, locale);
        return t != null ? t : text("title." + (status >= 500 ? 500 : 400), locale);
    }

    private static String text(String key, Locale locale, Object... args) {
        try {
            Locale l = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
            String pattern = ResourceBundle.getBundle(BUNDLE, l, Problems.class.getModule()).getString(key);
            return new MessageFormat(pattern, l).format(args);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
