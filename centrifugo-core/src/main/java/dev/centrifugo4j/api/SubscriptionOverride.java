package dev.centrifugo4j.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Channel options overridden for one subscription ({@code override} in the {@code subscribe}
 * call and in tokens). {@code null} keeps the namespace's setting.
 *
 * @param presence whether the subscription takes part in presence
 * @param joinLeave whether join and leave messages are sent
 * @param forcePushJoinLeave whether join and leave messages are pushed without asking
 * @param forcePositioning whether positioning is forced
 * @param forceRecovery whether recovery is forced
 */
public record SubscriptionOverride(
        @Nullable Boolean presence,
        @Nullable Boolean joinLeave,
        @Nullable Boolean forcePushJoinLeave,
        @Nullable Boolean forcePositioning,
        @Nullable Boolean forceRecovery) {

    /** No override. */
    public static SubscriptionOverride none() {
        return new SubscriptionOverride(null, null, null, null, null);
    }

    public SubscriptionOverride withPresence(boolean presence) {
        return new SubscriptionOverride(presence, joinLeave, forcePushJoinLeave, forcePositioning, forceRecovery);
    }

    public SubscriptionOverride withJoinLeave(boolean joinLeave) {
        return new SubscriptionOverride(presence, joinLeave, forcePushJoinLeave, forcePositioning, forceRecovery);
    }

    public SubscriptionOverride withForcePushJoinLeave(boolean forcePushJoinLeave) {
        return new SubscriptionOverride(presence, joinLeave, forcePushJoinLeave, forcePositioning, forceRecovery);
    }

    public SubscriptionOverride withForcePositioning(boolean forcePositioning) {
        return new SubscriptionOverride(presence, joinLeave, forcePushJoinLeave, forcePositioning, forceRecovery);
    }

    public SubscriptionOverride withForceRecovery(boolean forceRecovery) {
        return new SubscriptionOverride(presence, joinLeave, forcePushJoinLeave, forcePositioning, forceRecovery);
    }

    /**
     * This override as Centrifugo's JSON shape: {@code {"presence":{"value":true}}}.
     *
     * @return a map of the set options, in a stable order
     */
    public Map<String, Object> toClaims() {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "presence", presence);
        put(map, "join_leave", joinLeave);
        put(map, "force_push_join_leave", forcePushJoinLeave);
        put(map, "force_positioning", forcePositioning);
        put(map, "force_recovery", forceRecovery);
        return map;
    }

    private static void put(Map<String, Object> map, String name, @Nullable Boolean value) {
        if (value != null) {
            map.put(name, Map.of("value", value));
        }
    }
}
