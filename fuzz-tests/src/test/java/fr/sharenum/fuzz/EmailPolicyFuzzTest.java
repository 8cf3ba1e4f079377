package fr.sharenum.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.sharenum.EmailPolicy;
import fr.sharenum.model.EmailNotAllowedException;

/** Any text given as a professional address: accepted or refused with the documented exception, nothing else. */
class EmailPolicyFuzzTest {
    private static final EmailPolicy POLICY = EmailPolicy.defaults();

    @FuzzTest(maxDuration = "20s")
    void any_address_is_accepted_or_refused_cleanly(String address) {
        try {
            POLICY.check(address);
        } catch (EmailNotAllowedException refused) {
            if (refused.getMessage() == null || refused.getMessage().isBlank()) {
                throw new AssertionError("a refusal must say why");
            }
        }
    }
}
