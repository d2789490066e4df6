/** The contract as the generators see it: one sealed type model with visitors, read from contract.json. */
@NullMarked
package dev.centrifugo4j.contract;

import org.jspecify.annotations.NullMarked;
