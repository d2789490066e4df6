/** The records of Centrifugo's proxy protocol (HTTP, JSON) and their codec. */
@NullMarked
package dev.centrifugo4j.proxy;

import org.jspecify.annotations.NullMarked;
