package dev.centrifugo4j.examples.kotlin

import jakarta.validation.constraints.NotBlank
import jakarta.validation.constraints.Size

/**
 * Whom to greet. `nickname` is nullable, so the contract makes it optional and the server accepts
 * a call without it; `name` is not, so a call without it is refused with error 400.
 *
 * The constraints say `@field:`: without a use-site target Kotlin puts them on the constructor
 * parameter, where Jakarta validation does not look (the processor warns of that).
 */
data class Greeting(
    @field:NotBlank @field:Size(max = 40) val name: String,
    val nickname: String? = null,
)

/** The answer to a greeting. */
data class Welcome(val text: String, val nickname: String?)

/** A room to book. */
data class Booking(@field:NotBlank val room: String, val guests: Int)

/** A booked room. */
data class Booked(val room: String, val guests: Int, val bookedBy: String)

/** What to announce in a room: published to the channel `rooms:{room}`. */
data class Announcement(@field:NotBlank val room: String, @field:NotBlank val text: String)

/** Where the announcement went. */
data class Announced(val channel: String, val offset: Long)

/** What subscribers of `rooms:{room}` receive. */
data class RoomNews(val text: String, val by: String)
