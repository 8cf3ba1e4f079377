/**
 * ShareNum over HTTP: the REST/JSON API with its OpenAPI 3.1 description, authentication through an
 * {@link fr.sharenum.http.Authenticator} (OpenID Connect bearer tokens, or the demo's development sign-in),
 * RFC 9457 problems, the in-app inbox over Server-Sent Events, and the reference web front-end. Built on
 * Javalin; the standalone server ({@link fr.sharenum.http.Server}) keeps its data in embedded H2 through
 * {@code sharenum-jdbc}.
 */
module fr.sharenum.http {
    requires transitive fr.sharenum.core;
    requires transitive io.javalin;
    requires transitive com.nimbusds.jose.jwt;
    requires fr.sharenum.json;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires static fr.sharenum.jdbc;

    exports fr.sharenum.http;

    // request and response bodies are records read and written by Jackson
    opens fr.sharenum.http to com.fasterxml.jackson.databind;
    opens fr.sharenum.http.internal to com.fasterxml.jackson.databind;
}
