/**
 * A {@link fr.sharenum.spi.Notifier} that posts each notification as signed JSON to a chat incoming
 * hook (Tchap/Matrix, Mattermost, Rocket.Chat) or an ENT endpoint.
 */
module fr.sharenum.webhook {
    requires transitive fr.sharenum.spi;
    requires fr.sharenum.json;
    requires java.net.http;
    requires org.slf4j;

    exports fr.sharenum.webhook;
}
