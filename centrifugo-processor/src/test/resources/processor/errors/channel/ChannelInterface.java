package errors.channel;

import dev.centrifugo4j.channel.OnSubRefresh;
import dev.centrifugo4j.channel.SubRefreshResult;

interface ChannelInterface {

    @OnSubRefresh("chat:{roomId}")
    SubRefreshResult handle();
}
