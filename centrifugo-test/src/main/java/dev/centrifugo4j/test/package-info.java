/**
 * Test kit: {@link dev.centrifugo4j.test.CentrifugoServer} launches a real Centrifugo process on
 * loopback for integration tests.
 */
@NullMarked
package dev.centrifugo4j.test;

import org.jspecify.annotations.NullMarked;
