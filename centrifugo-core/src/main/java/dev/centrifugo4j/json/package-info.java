/**
 * The JSON that centrifugo4j puts on the wire ({@link dev.centrifugo4j.json.CentrifugoJson}), shared
 * by the proxy dispatchers and the publisher. Depends on no other package of the runtime.
 */
@NullMarked
package dev.centrifugo4j.json;

import org.jspecify.annotations.NullMarked;
