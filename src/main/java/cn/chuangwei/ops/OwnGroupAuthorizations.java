package cn.chuangwei.ops;

import cn.chuangwei.kernel.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Authorization checks with the signed-in person's own groups, and no revoking authorizations (an engine plugin).
 *
 * <p>Camunda's authorization manager first reads every group that has any authorization
 * ({@code SELECT distinct GROUP_ID_ FROM ACT_RU_AUTHORIZATION}, once in every command of a user with groups) and keeps
 * only the person's groups among them. Here the person's groups go straight into the check
 * ({@link OwnGroupAuthorizationManager}): a group without an authorization matches no row, so every check and every
 * query answers the same, without reading the whole table. The manager is the engine's one authorization manager (a
 * session factory for {@link AuthorizationManager}), so {@code /engine-rest}, Tasklist, Cockpit, Admin and the
 * application's own services all use it.
 *
 * <p>Revoking authorizations are never checked ({@code authorizationCheckRevokes = never}, set here after the
 * configuration's generic properties, whatever they say): otherwise the engine asks in every command whether one
 * exists. So none may exist: the engine does not start while one is stored (the message names each), and refuses to
 * create one ({@link OwnGroupAuthorizationManager#createNewAuthorization}), through the REST API and Camunda Admin alike.
 *
 * <p>Both rest on engine {@code impl} types; {@code OwnGroupAuthorizationsTest} pins what they rely on.
 */
@Component
class OwnGroupAuthorizations extends AbstractProcessEnginePlugin {

    private final ObjectProvider<Texts> texts;

    OwnGroupAuthorizations(ObjectProvider<Texts> texts) {
        this.texts = texts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        factories.add(new Managers(this::revokeRefused));
        configuration.setCustomSessionFactories(factories);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        List<Authorization> revokes = engine.getAuthorizationService().createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_REVOKE).list();
        if (!revokes.isEmpty()) {
            String named = revokes.stream().map(OwnGroupAuthorizations::describe).collect(Collectors.joining("; "));
            Texts t = texts.getObject();
            throw new IllegalStateException(t.zh("startup.revoke-authorization", named) + " / "
                    + t.en("startup.revoke-authorization", named));
        }
    }

    /** The refusal of a new revoking authorization, in Chinese and English. */
    String revokeRefused() {
        Texts t = texts.getObject();
        return t.zh("authorization.revoke-refused") + " / " + t.en("authorization.revoke-refused");
    }

    /** An authorization as an operator finds it in Camunda Admin: its id, whom it names, on what. */
    static String describe(Authorization a) {
        String who = a.getUserId() != null ? "user " + a.getUserId() : "group " + a.getGroupId();
        return a.getId() + " (" + who + ", resource type " + a.getResourceType() + ", " + a.getResourceId() + ")";
    }

    /** Opens the engine's authorization manager for each command: this package's instead of the engine's own. */
    static final class Managers implements SessionFactory {

        private final Supplier<String> revokeRefused;

        Managers(Supplier<String> revokeRefused) {
            this.revokeRefused = revokeRefused;
        }

        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new OwnGroupAuthorizationManager(revokeRefused);
        }
    }
}
