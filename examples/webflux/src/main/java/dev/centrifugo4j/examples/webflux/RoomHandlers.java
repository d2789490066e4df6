package dev.centrifugo4j.examples.webflux;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.RpcException;
import dev.centrifugo4j.rpc.WebSocketRpc;
import jakarta.validation.Valid;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The rooms' RPC methods: a blocking one, an asynchronous one, one that validates, one that refuses. */
@Component
class RoomHandlers {

    /** How many people a room holds. */
    static final int CAPACITY = 3;

    private final RoomDirectory directory;

    RoomHandlers(RoomDirectory directory) {
        this.directory = directory;
    }

    /**
     * Looks a room up the blocking way (as a JDBC repository would): the starter runs this handler
     * on a thread of its pool for synchronous handlers, never on a Netty event loop.
     */
    @WebSocketRpc("rooms.lookup")
    RoomInfo lookup(RoomName request) throws InterruptedException {
        Thread.sleep(20); // a blocking call, as a database driver's
        return new RoomInfo(
                request.name(),
                this.directory.size(request.name()),
                Thread.currentThread().getName(),
                Schedulers.isInNonBlockingThread());
    }

    /** Counts the people in a room the reactive way: a {@code Mono} that completes on a Reactor timer thread. */
    @WebSocketRpc("rooms.count")
    Mono<RoomInfo> count(RpcContext context, RoomName request) {
        return Mono.delay(Duration.ofMillis(20))
                .map((tick) -> new RoomInfo(
                        request.name(),
                        this.directory.size(request.name()),
                        Thread.currentThread().getName(),
                        Schedulers.isInNonBlockingThread()));
    }

    /** Creates a room: a blank or too long name is refused with error 422 and its violations. */
    @WebSocketRpc("rooms.create")
    RoomInfo create(@Valid NewRoom room) {
        this.directory.create(room.name());
        return new RoomInfo(room.name(), 0, Thread.currentThread().getName(), Schedulers.isInNonBlockingThread());
    }

    /** Takes a seat in a room: a full room is refused with the application's own error code. */
    @WebSocketRpc("rooms.join")
    RoomInfo join(RpcContext context, RoomName request) {
        int size = this.directory.size(request.name());
        if (size >= CAPACITY) {
            throw new RpcException(ROOM_FULL, "room " + request.name() + " is full", true);
        }
        return new RoomInfo(
                request.name(),
                this.directory.join(request.name(), context.user()),
                Thread.currentThread().getName(),
                Schedulers.isInNonBlockingThread());
    }

    /** The error code of a full room (temporary: someone may leave). */
    static final int ROOM_FULL = 1409;
}
