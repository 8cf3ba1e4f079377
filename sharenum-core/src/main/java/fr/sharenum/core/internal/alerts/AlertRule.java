package fr.sharenum.core.internal.alerts;

/** One step of the selection of the helpers a ticket alerts. */
@FunctionalInterface
public interface AlertRule {

    /**
     * @param pool where the selection stands
     * @return where it stands after this rule
     */
    Pool apply(Pool pool);
}
