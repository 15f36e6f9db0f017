package cn.chuangwei.ops;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.stereotype.Component;

/**
 * Whether a password opens a login, checked against its stored hash: not through the identity service's
 * {@code checkPassword}, which counts a miss as a failed sign-in (and so, asked at every start, would take the
 * administrator a step closer to being locked out). It reads the engine's password manager, an {@code impl} type:
 * this package is the one place for those, and {@code StoredPasswordsTest} pins it.
 */
@Component
public class StoredPasswords {

    private final ProcessEngine engine;
    private final IdentityService identity;

    StoredPasswords(ProcessEngine engine) {
        this.engine = engine;
        this.identity = engine.getIdentityService();
    }

    public boolean opens(String userId, String password) {
        PasswordManager passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getPasswordManager();
        return identity.createUserQuery().userId(userId).singleResult() instanceof UserEntity user
                && user.getPassword() != null
                && passwords.check(EncryptionUtil.saltPassword(password, user.getSalt()), user.getPassword());
    }
}
