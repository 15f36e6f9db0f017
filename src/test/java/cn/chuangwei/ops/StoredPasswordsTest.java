package cn.chuangwei.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.H2Test;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pins the engine {@code impl} types {@link StoredPasswords} uses (the process engine configuration's password manager,
 * the user entity's hash and salt, the salting): the right password opens, a wrong one does not, and neither counts as
 * a failed sign-in.
 */
@H2Test
class StoredPasswordsTest {

    @Autowired
    StoredPasswords passwords;
    @Autowired
    IdentityService identity;

    @Test
    void theStoredHashDecidesAndNoAttemptIsCounted() {
        String id = "pw-" + System.nanoTime();
        User u = identity.newUser(id);
        u.setPassword("right-password");
        identity.saveUser(u);

        assertThat(passwords.opens(id, "right-password")).isTrue();
        assertThat(passwords.opens(id, "wrong-password")).isFalse();
        assertThat(passwords.opens("no-such-user-" + id, "right-password")).isFalse();
        assertThat(identity.checkPassword(id, "right-password")).as("no failed attempts were counted, no lock").isTrue();
    }
}
