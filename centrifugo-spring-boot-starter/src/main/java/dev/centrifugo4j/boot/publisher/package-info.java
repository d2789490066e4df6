/** Publishing from Spring applications: publications that go out when a transaction commits. */
@NullMarked
package dev.centrifugo4j.boot.publisher;

import org.jspecify.annotations.NullMarked;
