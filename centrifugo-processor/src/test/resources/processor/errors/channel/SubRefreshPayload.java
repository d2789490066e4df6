package errors.channel;

import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.OnSubRefresh;
import dev.centrifugo4j.channel.SubRefreshResult;

class SubRefreshPayload {

    @OnSubRefresh("chat:{roomId}")
    SubRefreshResult handle(ChannelContext context,
            String roomId) {
        return SubRefreshResult.expired();
    }
}
