/**
 * ShareNum contracts and the immutable values that cross them.
 *
 * <p>{@code fr.sharenum.model} holds the domain vocabulary (UAI, establishments, members, tickets…)
 * and the exceptions the library documents; {@code fr.sharenum.spi} holds the interfaces a host
 * application implements (persistence, notification, trainings, guides) and the matching engine
 * contract implemented by {@code sharenum-geo}. This module depends on nothing but the JDK.
 */
module fr.sharenum.spi {
    exports fr.sharenum.model;
    exports fr.sharenum.spi;
}
