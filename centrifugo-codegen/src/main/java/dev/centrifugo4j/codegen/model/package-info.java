/** The contract as the generators see it: one sealed type model with visitors, read from contract.json. */
@NullMarked
package dev.centrifugo4j.codegen.model;

import org.jspecify.annotations.NullMarked;
