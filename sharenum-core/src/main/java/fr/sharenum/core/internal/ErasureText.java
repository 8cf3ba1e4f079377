package fr.sharenum.core.internal;

/** What replaces a text whose author was erased at their request. */
public final class ErasureText {
    /** The notice shown instead of the text. */
    public static final String TEXT = "[texte effacé à la demande de son auteur]";

    private ErasureText() {
    }
}
