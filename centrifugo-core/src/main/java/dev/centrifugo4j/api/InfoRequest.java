package dev.centrifugo4j.api;

import java.util.List;

/** Information about the running Centrifugo nodes ({@code info}). */
public record InfoRequest() implements ApiCommand<List<NodeInfo>> {

    @Override
    public String method() {
        return "info";
    }
}
