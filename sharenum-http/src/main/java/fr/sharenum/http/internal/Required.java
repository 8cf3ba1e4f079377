package fr.sharenum.http.internal;

import java.lang.reflect.RecordComponent;

/** Checks the {@link Bodies.Required} properties of a request body. */
final class Required {

    private Required() {
    }

    static void check(Object body) {
        if (!body.getClass().isRecord()) {
            return;
        }
        for (RecordComponent c : body.getClass().getRecordComponents()) {
            if (c.isAnnotationPresent(Bodies.Required.class)) {
                try {
                    if (c.getAccessor().invoke(body) == null) {
                        throw new fr.sharenum.model.InvalidValueException(c.getName(), "is required");
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
