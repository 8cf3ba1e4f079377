/**
 * A {@link fr.sharenum.spi.Notifier} sending French e-mails (text and HTML from templates, the
 * iCalendar invitation attached) over SMTP with Jakarta Mail (Eclipse Angus).
 */
module fr.sharenum.mail {
    requires transitive fr.sharenum.spi;
    requires transitive jakarta.mail;
    requires com.github.mustachejava;
    requires org.slf4j;

    exports fr.sharenum.mail;
}
