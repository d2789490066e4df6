package dev.centrifugo4j.codegen;

import dev.centrifugo4j.contract.Contract;
import dev.centrifugo4j.contract.TypeRef;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small contracts for the tests of one generator feature. */
final class TestContracts {

    private TestContracts() {}

    /**
     * A contract with one channel pattern, whose variables are strings, that has a subscribe handler and
     * a publish handler of string publications.
     */
    static Contract channel(String pattern, String... variables) {
        TypeRef string = new TypeRef.Scalar(TypeRef.Kind.STRING, "");
        List<Contract.Variable> typed = Arrays.stream(variables)
                .map(name -> new Contract.Variable(name, string))
                .toList();
        return new Contract(
                "1",
                List.of(),
                List.of(
                        new Contract.Channel(pattern, "subscribe", typed, "", Optional.empty()),
                        new Contract.Channel(pattern, "publish", typed, "", Optional.of(string))),
                Map.of());
    }
}
