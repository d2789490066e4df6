package dev.centrifugo4j.examples.kotlin

import dev.centrifugo4j.api.CentrifugoPublisher
import dev.centrifugo4j.channel.ChannelContext
import dev.centrifugo4j.channel.ChannelVariable
import dev.centrifugo4j.channel.OnSubscribe
import dev.centrifugo4j.channel.SubscribeResult
import dev.centrifugo4j.rpc.RpcContext
import dev.centrifugo4j.rpc.RpcException
import dev.centrifugo4j.rpc.WebSocketRpc
import jakarta.validation.Valid
import kotlinx.coroutines.delay
import kotlinx.coroutines.future.await
import org.springframework.stereotype.Component

/**
 * The handlers, all suspend functions: the processor (through kapt) generates invokers that start
 * each coroutine and answer Centrifugo when it completes, without holding a thread while it waits.
 */
@Component
class RoomHandlers(private val publisher: CentrifugoPublisher) {

    /** Greets; suspends a moment to show that the answer comes when the coroutine completes. */
    @WebSocketRpc("rooms.greet")
    suspend fun greet(@Valid greeting: Greeting): Welcome {
        delay(10)
        return Welcome("Hello, ${greeting.name}!", greeting.nickname)
    }

    /** Books a room; the staff room cannot be booked: error 1409 with its own message. */
    @WebSocketRpc("rooms.book")
    suspend fun book(context: RpcContext, @Valid booking: Booking): Booked {
        if (booking.room == STAFF_ROOM) {
            throw RpcException(1409, "the staff room cannot be booked")
        }
        return Booked(booking.room, booking.guests, context.user())
    }

    /**
     * Announces in a room: publishes through Centrifugo's server API and waits for the publication
     * with `await()` (kotlinx-coroutines' await of the publisher's CompletableFuture).
     */
    @WebSocketRpc("rooms.announce")
    suspend fun announce(context: RpcContext, @Valid announcement: Announcement): Announced {
        val channel = "rooms:${announcement.room}"
        val result = publisher.publishAsync(channel, RoomNews(announcement.text, context.user())).await()
        return Announced(channel, result.offset())
    }

    /** Anyone may join a room, except the staff room, which is for users whose name starts with `staff-`. */
    @OnSubscribe("rooms:{room}")
    suspend fun join(context: ChannelContext, @ChannelVariable room: String): SubscribeResult =
        if (room != STAFF_ROOM || context.user().startsWith("staff-")) {
            SubscribeResult.allow()
        } else {
            SubscribeResult.deny()
        }

    private companion object {
        const val STAFF_ROOM = "staff"
    }
}
