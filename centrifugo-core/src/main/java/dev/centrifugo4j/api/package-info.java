/**
 * The client for Centrifugo's server HTTP API: {@link dev.centrifugo4j.api.CentrifugoPublisher}, its
 * request and reply records and its exceptions.
 */
@NullMarked
package dev.centrifugo4j.api;

import org.jspecify.annotations.NullMarked;
