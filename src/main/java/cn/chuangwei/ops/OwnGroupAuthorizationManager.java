package cn.chuangwei.ops;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager (one per command, opened by {@link OwnGroupAuthorizations}) with two changes: a
 * check uses the signed-in person's own groups as they are, not after a read of every authorized group id; and a
 * revoking authorization is refused.
 */
class OwnGroupAuthorizationManager extends AuthorizationManager {

    /**
     * Above this many groups the engine's own filter runs again: an {@code IN} list of more than 1,000 entries is
     * refused by some databases, and the filter then pays for itself. Nobody here is in more than a handful.
     */
    static final int PASS_THROUGH_LIMIT = 1000;

    private final Supplier<String> revokeRefused;

    OwnGroupAuthorizationManager(Supplier<String> revokeRefused) {
        this.revokeRefused = revokeRefused;
    }

    /** The person's groups, without duplicates or nulls: a group that has no authorization simply matches no row. */
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
            return new ArrayList<>();
        }
        if (authenticatedGroupIds.size() > PASS_THROUGH_LIMIT) {
            return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
        }
        return new ArrayList<>(authenticatedGroupIds.stream().filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    @Override
    public Authorization createNewAuthorization(int type) {
        refuseRevoke(type);
        return super.createNewAuthorization(type);
    }

    @Override
    public void insert(DbEntity authorization) {
        if (authorization instanceof AuthorizationEntity a) {
            refuseRevoke(a.getAuthorizationType());
        }
        super.insert(authorization);
    }

    @Override
    public void update(AuthorizationEntity authorization) {
        refuseRevoke(authorization.getAuthorizationType());
        super.update(authorization);
    }

    private void refuseRevoke(int type) {
        if (type == Authorization.AUTH_TYPE_REVOKE) {
            throw new BadUserRequestException(revokeRefused.get());
        }
    }
}
