package fr.sharenum.core.internal.rules;

import fr.sharenum.RadiusBounds;
import fr.sharenum.model.InvalidValueException;

import java.util.Objects;

/** A ticket's radius: the requester's, or the host's default when they chose none; within the host's bounds. */
public final class RadiusWithinBounds {
    private final RadiusBounds bounds;

    /** @param bounds the host's radius bounds */
    public RadiusWithinBounds(RadiusBounds bounds) {
        this.bounds = Objects.requireNonNull(bounds, "bounds");
    }

    /**
     * @param requested the radius asked for, in km, or NaN for none
     * @return the ticket's radius, in km
     * @throws InvalidValueException ({@code radiusKm}) when outside the bounds
     */
    public double radiusOf(double requested) {
        double radius = Double.isNaN(requested) ? bounds.defaultKm() : requested;
        if (!bounds.allows(radius)) {
            throw new InvalidValueException("radiusKm", "must be between " + bounds.minKm() + " and "
                    + bounds.maxKm() + " km, was " + requested);
        }
        return radius;
    }
}
