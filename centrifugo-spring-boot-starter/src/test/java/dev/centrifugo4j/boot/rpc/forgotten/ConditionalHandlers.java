package dev.centrifugo4j.boot.rpc.forgotten;

import dev.centrifugo4j.rpc.WebSocketRpc;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** A component left out on purpose unless a property is set: component scanning decides, not the check. */
@Component
@ConditionalOnBooleanProperty("forgotten.conditional")
public class ConditionalHandlers {

    @WebSocketRpc("forgotten.conditional")
    public String conditional() {
        return "here";
    }
}
