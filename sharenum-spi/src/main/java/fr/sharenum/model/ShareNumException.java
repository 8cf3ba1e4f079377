package fr.sharenum.model;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Root of every exception ShareNum throws on purpose. All are unchecked; each subtype names one kind of
 * refusal. When a ShareNum operation throws one of them, it has changed nothing.
 *
 * <p>Every refusal has a stable {@link #code()} for programs (an HTTP API maps it to a problem type, a
 * host to its own wording), and a message for people, in French by default ({@link #getMessage()}) and
 * in English on demand ({@link #message(Locale)}), from the resource bundle
 * {@code fr.sharenum.model.messages} ({@code _fr} and {@code _en}).
 */
public abstract class ShareNumException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final String BUNDLE = "fr.sharenum.model.messages";
    private static final Locale DEFAULT = Locale.FRENCH;

    /** The stable code for programs. */
    private final String code;
    private final transient Object[] arguments;

    /**
     * A refusal whose message is given as is, in every language.
     *
     * @param code    the stable code
     * @param message what people read
     */
    protected ShareNumException(String code, String message) {
        super(message);
        this.code = code;
        this.arguments = null;
    }

    /**
     * A refusal whose message comes from the bundle entry named by its code, formatted with {@code arguments}
     * ({@link MessageFormat} patterns).
     *
     * @param code      the stable code, also the bundle key
     * @param arguments the values the message shows, in the pattern's order
     */
    protected ShareNumException(String code, Object[] arguments) {
        super(format(code, DEFAULT, arguments));
        this.code = code;
        this.arguments = arguments.clone();
    }

    /**
     * A refusal whose message is given as is, with a cause.
     *
     * @param code    the stable code
     * @param message what people read
     * @param cause   what caused it
     */
    protected ShareNumException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.arguments = null;
    }

    /**
     * The stable code of this refusal, e.g. {@code access.denied}, {@code not-found}, {@code invalid-value}:
     * lower-case words separated by dots and dashes, never changed once published.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * The values the message shows (empty for a message given as is).
     *
     * @return the arguments, in order
     */
    public List<Object> arguments() {
        return arguments == null ? List.of() : List.copyOf(Arrays.asList(arguments));
    }

    /**
     * The message in {@code locale}: French (the default) or English; any other locale gets French. A refusal whose
     * words were given as is ({@link #getMessage()}, the library's own words, kept for logs) reads here the bundle's
     * sentence for its code, formatted with {@link #messageArguments()}; only a code the bundles do not know (a
     * host's own subclass) gets the words as given.
     *
     * @param locale the reader's locale
     * @return the message
     */
    public String message(Locale locale) {
        Locale l = locale == null ? DEFAULT : locale;
        if (arguments != null) {
            return format(code, l, arguments);
        }
        String sentence = bundled(code, l, messageArguments());
        return sentence != null ? sentence : getMessage();
    }

    /**
     * Whether {@link #message(Locale)} comes from the bundles, in French and in English (true of every refusal
     * ShareNum throws), rather than from the words given as is.
     *
     * @return whether the bundles hold this refusal's code
     */
    public boolean translated() {
        return bundled(code, DEFAULT, arguments != null ? arguments : messageArguments()) != null;
    }

    /**
     * The values the bundle's sentence for this code shows when the words were given as is (a kind and an id, a
     * field): none by default; subclasses with such values override it.
     *
     * @return the values, in the pattern's order
     */
    protected Object[] messageArguments() {
        return new Object[0];
    }

    /** French or English: the bundles ShareNum ships (never the JVM's default locale). */
    private static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    }

    /**
     * An argument that is itself words of the bundle (an operation, a list of roles), shown in the message's
     * language; several keys are joined by commas.
     */
    public static final class Phrase {
        private final List<String> keys;

        /** @param keys the bundle keys */
        public Phrase(List<String> keys) {
            this.keys = List.copyOf(keys);
        }

        /** @return the bundle keys */
        public List<String> keys() {
            return keys;
        }

        @Override
        public String toString() {
            return in(DEFAULT);
        }

        /**
         * @param keys the bundle keys
         * @return the phrase
         */
        public static Phrase of(String... keys) {
            return new Phrase(List.of(keys));
        }

        String in(Locale locale) {
            StringBuilder b = new StringBuilder();
            for (String k : keys) {
                if (b.length() > 0) {
                    b.append(", ");
                }
                b.append(phrase(k, locale));
            }
            return b.toString();
        }
    }

    /** The bundle's sentence for {@code code} in {@code locale}, or null when the bundle has none. */
    private static String bundled(String code, Locale locale, Object[] arguments) {
        try {
            ResourceBundle.getBundle(BUNDLE, supported(locale), ShareNumException.class.getModule()).getString(code);
        } catch (MissingResourceException e) {
            return null;
        }
        return format(code, locale, arguments);
    }

    private static String format(String code, Locale locale, Object[] arguments) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, supported(locale), ShareNumException.class.getModule());
            Object[] shown = arguments.clone();
            for (int i = 0; i < shown.length; i++) {
                if (shown[i] instanceof Phrase p) {
                    shown[i] = p.in(locale);
                }
            }
            return new MessageFormat(bundle.getString(code), supported(locale)).format(shown);
        } catch (MissingResourceException e) {
            return code + " " + Arrays.toString(arguments);
        }
    }

    /**
     * A phrase of the bundle (an action's name, a role's name) in {@code locale}, for messages built of parts.
     *
     * @param key    the bundle key
     * @param locale the locale
     * @return the phrase, or the key when there is none
     */
    public static String phrase(String key, Locale locale) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, supported(locale), ShareNumException.class.getModule()).getString(key);
            return new MessageFormat(pattern, supported(locale)).format(new Object[0]);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
