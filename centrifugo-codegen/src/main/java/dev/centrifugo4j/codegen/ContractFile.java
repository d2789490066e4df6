package dev.centrifugo4j.codegen;

import dev.centrifugo4j.contract.Contract;
import dev.centrifugo4j.contract.ContractReader;
import dev.centrifugo4j.contract.InvalidContractException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The contract file every goal starts from: the clients' and the Centrifugo configuration's. */
public final class ContractFile {

    private ContractFile() {}

    /**
     * Reads a contract file into the model.
     *
     * @param file the file, such as {@code target/classes/META-INF/centrifugo/contract.json}
     * @return the contract
     * @throws InvalidContractException when the file is missing (with a hint to compile first) or is
     *     not a contract
     * @throws UncheckedIOException when the file cannot be read
     */
    public static Contract read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException ex) {
            throw new InvalidContractException("No contract at " + file
                    + ": compile the application first (the centrifugo4j annotation processor writes it)");
        } catch (IOException ex) {
            throw new UncheckedIOException("Failed to read " + file, ex);
        }
        return new ContractReader().read(text);
    }
}
