package dev.centrifugo4j.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The active channels ({@code channels}).
 *
 * @param pattern a glob such as {@code chat:*}; {@code null} for all
 */
public record ChannelsRequest(@Nullable String pattern) implements ApiCommand<Map<String, ChannelInfo>> {

    @Override
    public String method() {
        return "channels";
    }
}
