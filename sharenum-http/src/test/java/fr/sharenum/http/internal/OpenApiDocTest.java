package fr.sharenum.http.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document kept in the repository is the one the operations generate: a route added, removed or
 * changed without its description fails here. Rewrite it with
 * {@code ./mvnw -pl sharenum-http -am test -Dtest=OpenApiDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dsharenum.writeDocs=true}.
 */
class OpenApiDocTest {

    private static final Path COMMITTED = Path.of("src/main/resources" + OpenApi.RESOURCE);

    @Test
    void the_committed_document_is_the_generated_one() throws IOException {
        String generated = OpenApi.generate(Routes.describe());
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        if (!generated.equals(committed) && Boolean.getBoolean("sharenum.writeDocs")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
            committed = generated;
        }
        assertThat(committed).as("openapi.json (rewrite it with -Dsharenum.writeDocs=true)").isEqualTo(generated);
    }

    @Test
    void operation_ids_and_routes_are_unique() {
        List<Op> ops = Routes.describe();
        Set<String> ids = new HashSet<>();
        Set<String> routes = new HashSet<>();
        for (Op op : ops) {
            assertThat(ids.add(op.operationId())).as(op.operationId()).isTrue();
            assertThat(routes.add(op.method() + " " + op.path())).as(op.method() + " " + op.path()).isTrue();
            assertThat(op.summary()).isNotBlank();
        }
        assertThat(ops).hasSizeGreaterThan(60);
    }
}
