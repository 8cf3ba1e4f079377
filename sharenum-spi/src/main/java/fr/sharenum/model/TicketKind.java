package fr.sharenum.model;

/** What a TicketNum asks for. */
public enum TicketKind {
    /** Accompagnement: be helped to start using a tool. */
    ACCOMPANIMENT,
    /** Échange de pratiques: compare how each uses the tool. */
    EXPERIENCE_EXCHANGE,
    /** Partage de connaissances: share what one knows with colleagues. */
    KNOWLEDGE_SHARING
}
