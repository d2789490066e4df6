/**
 * Publishing from Spring applications: publications that go out when a transaction commits, and the
 * publisher's observations (timers, spans, {@code traceparent}) and meters.
 */
@NullMarked
package dev.centrifugo4j.boot.publisher;

import org.jspecify.annotations.NullMarked;
