/**
 * The Python client: one type mapper that holds every Python type and naming rule (Pydantic v2),
 * and the generator of the installable package over PyPI {@code centrifuge-python}.
 */
@NullMarked
package dev.centrifugo4j.codegen.python;

import org.jspecify.annotations.NullMarked;
