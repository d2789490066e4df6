package dev.centrifugo4j.channel;

import org.jspecify.annotations.Nullable;

/**
 * Per-subscription overrides of the channel namespace's options ({@code override} in Centrifugo's
 * subscribe result); {@code null} keeps the namespace's setting.
 *
 * @param presence whether presence is on
 * @param joinLeave whether join/leave messages are sent
 * @param forcePushJoinLeave whether join/leave messages are pushed
 * @param forceRecovery whether recovery is forced
 * @param forcePositioning whether positioning is forced
 */
public record ChannelOverride(
        @Nullable Boolean presence,
        @Nullable Boolean joinLeave,
        @Nullable Boolean forcePushJoinLeave,
        @Nullable Boolean forceRecovery,
        @Nullable Boolean forcePositioning) {

    /** No overrides. */
    public static ChannelOverride none() {
        return new ChannelOverride(null, null, null, null, null);
    }

    public ChannelOverride withPresence(boolean value) {
        return new ChannelOverride(
                value, this.joinLeave, this.forcePushJoinLeave, this.forceRecovery, this.forcePositioning);
    }

    public ChannelOverride withJoinLeave(boolean value) {
        return new ChannelOverride(
                this.presence, value, this.forcePushJoinLeave, this.forceRecovery, this.forcePositioning);
    }

    public ChannelOverride withForcePushJoinLeave(boolean value) {
        return new ChannelOverride(this.presence, this.joinLeave, value, this.forceRecovery, this.forcePositioning);
    }

    public ChannelOverride withForceRecovery(boolean value) {
        return new ChannelOverride(
                this.presence, this.joinLeave, this.forcePushJoinLeave, value, this.forcePositioning);
    }

    public ChannelOverride withForcePositioning(boolean value) {
        return new ChannelOverride(this.presence, this.joinLeave, this.forcePushJoinLeave, this.forceRecovery, value);
    }

    /** Whether nothing is overridden. */
    public boolean isEmpty() {
        return this.presence == null
                && this.joinLeave == null
                && this.forcePushJoinLeave == null
                && this.forceRecovery == null
                && this.forcePositioning == null;
    }
}
