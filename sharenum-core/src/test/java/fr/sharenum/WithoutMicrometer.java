package fr.sharenum;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Member;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;

import java.util.function.Supplier;

/**
 * A host's use of ShareNum, run by {@code MetricsTest} in a class loader without Micrometer: this class must not name
 * a Micrometer type, nor a class that does.
 */
public final class WithoutMicrometer implements Supplier<String> {
    private static final ToolId CAPYTALE = ToolId.of("capytale");

    /** Created by reflection. */
    public WithoutMicrometer() {
    }

    @Override
    public String get() {
        String refused;
        try {
            ShareNum.builder().meterRegistry(new Object());
            refused = "accepted";
        } catch (IllegalArgumentException e) {
            refused = e.getMessage();
        }
        Fixture f = new Fixture();
        Member claire = f.active("Claire Sans", Fixture.CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
        f.active("Hugo Sans", Fixture.NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        TicketNum t = f.sharenum.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("Python").radiusKm(40).build());
        f.sharenum.close();
        return "ticket opened with " + t.alerts().size() + " alert; registry refused: " + refused;
    }
}
