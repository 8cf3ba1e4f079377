package fr.sharenum.core.internal.metrics;

import fr.sharenum.model.Event;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.ShareNumException;
import fr.sharenum.model.TicketNum;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Locale;

/**
 * The facades as the host calls them, measured at their boundary: every call timed by operation and outcome, every
 * refusal counted by its stable code, and the workflow counters (tickets opened, offers, events, registrations)
 * counted once the call succeeded. A proxy per facade interface, so that a method added to a facade is measured
 * without a line here; only built when metrics are on.
 */
public final class ObservedFacades {
    private ObservedFacades() {
    }

    /**
     * {@code target} measured in {@code metrics}, or {@code target} itself when metrics are off.
     *
     * @param type    the facade interface
     * @param target  its implementation
     * @param metrics where to count
     * @param <T>     the facade
     * @return the facade to hand out
     */
    public static <T> T wrap(Class<T> type, T target, Metrics metrics) {
        if (!metrics.enabled()) {
            return target;
        }
        String prefix = type.getSimpleName().substring(0, 1).toLowerCase(Locale.ROOT) + type.getSimpleName().substring(1) + ".";
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> type.getSimpleName() + " (measured) of " + target;
                };
            }
            String operation = prefix + method.getName();
            long started = System.nanoTime();
            try {
                Object result = method.invoke(target, args);
                metrics.time(Meters.CALLS, System.nanoTime() - started, "operation", operation, "outcome", "ok");
                succeeded(metrics, operation, args, result);
                return result;
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                long took = System.nanoTime() - started;
                if (cause instanceof ShareNumException refusal) {
                    metrics.time(Meters.CALLS, took, "operation", operation, "outcome", "refused");
                    metrics.count(Meters.REFUSALS, 1, "code", refusal.code(), "operation", operation);
                } else {
                    metrics.time(Meters.CALLS, took, "operation", operation, "outcome", "error");
                }
                throw cause;
            }
        });
        return type.cast(proxy);
    }

    /** The workflow counters of a call that succeeded. */
    static void succeeded(Metrics metrics, String operation, Object[] args, Object result) {
        switch (operation) {
            case "tickets.open" -> {
                metrics.count(Meters.TICKETS_OPENED, 1);
                metrics.count(Meters.ALERTS_CHOSEN, ((TicketNum) result).alerts().size());
            }
            case "tickets.offer" -> metrics.count(Meters.OFFERS, 1);
            case "events.create" -> metrics.count(Meters.EVENTS_CREATED, 1);
            case "events.confirm" -> metrics.count(Meters.EVENTS_CONFIRMED, 1);
            case "events.register" -> metrics.count(Meters.EVENT_REGISTRATIONS, 1, "status",
                    args[0] instanceof MemberId m && ((Event) result).isRegistered(m) ? "seated" : "waitlisted");
            case "members.register" -> metrics.count(Meters.MEMBERS_REGISTERED, 1);
            case "members.verify" -> metrics.count(Meters.MEMBERS_VERIFIED, 1);
            default -> { }
        }
    }
}
