package fr.sharenum.model;

/**
 * Where an establishment stands in the official directory, read from the {@code etat} column of the
 * Annuaire de l'éducation ({@code etat_etablissement} in the "adresse et géolocalisation" export).
 *
 * <table>
 *   <caption>Official states</caption>
 *   <tr><th>status</th><th>Annuaire {@code etat}</th><th>{@code etat_etablissement}</th></tr>
 *   <tr><td>{@link #OPEN}</td><td>{@code OUVERT}</td><td>{@code 1}</td></tr>
 *   <tr><td>{@link #CLOSING}</td><td>{@code A FERMER}</td><td>{@code 2}</td></tr>
 *   <tr><td>{@link #OPENING}</td><td>{@code A OUVRIR}</td><td>{@code 3}</td></tr>
 *   <tr><td>{@link #CLOSED}</td><td>{@code FERME}</td><td>{@code 4}</td></tr>
 * </table>
 *
 * <p>An establishment that disappears from the directory is also {@link #CLOSED}: the open data lists
 * only establishments that are open or about to open or close.
 */
public enum EstablishmentStatus {
    /** Open: the usual case. */
    OPEN,
    /** Announced, not open yet ({@code A OUVRIR}); staff may already be appointed there. */
    OPENING,
    /** Still open but due to close ({@code A FERMER}): its members should be told. */
    CLOSING,
    /** Closed ({@code FERME}) or gone from the official directory. Members working there are kept. */
    CLOSED;

    /**
     * Whether people work there now or soon: every status but {@link #CLOSED}.
     *
     * @return whether people work there now or soon: every status but {@link #CLOSED}
     */
    public boolean active() {
        return this != CLOSED;
    }
}
