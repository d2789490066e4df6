/**
 * The contract the annotation processor writes ({@value dev.centrifugo4j.contract.Contracts#RESOURCE}) at
 * run time: the built-in {@code system.contract} RPC method that hands its version (and, when exposed
 * in full, the contract without Java class names) to clients.
 */
@NullMarked
package dev.centrifugo4j.boot.contract;

import org.jspecify.annotations.NullMarked;
