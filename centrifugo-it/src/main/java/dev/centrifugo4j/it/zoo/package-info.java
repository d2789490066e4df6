/**
 * The type zoo: one of every type the contract maps, served by {@link dev.centrifugo4j.it.zoo.ZooHandlers}
 * and echoed back through a real Centrifugo by the generated clients of each language.
 */
@NullMarked
package dev.centrifugo4j.it.zoo;

import org.jspecify.annotations.NullMarked;
