package dev.centrifugo4j.codegen;

import dev.centrifugo4j.codegen.go.GoGenerator;
import dev.centrifugo4j.codegen.python.PythonGenerator;
import dev.centrifugo4j.codegen.typescript.TypeScriptGenerator;
import dev.centrifugo4j.contract.Contract;
import dev.centrifugo4j.contract.ContractReader;
import dev.centrifugo4j.contract.InvalidContractException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates the clients a {@link GenerateRequest} asks for. Files whose content did not change are
 * not rewritten, so a second run with the same contract touches nothing.
 */
public final class ClientGenerator {

    private final ContractReader reader = new ContractReader();

    /**
     * Runs the generators.
     *
     * @param request what to generate
     * @return the files written (new or changed), sorted
     * @throws InvalidContractException when the contract is missing or unreadable
     */
    public List<Path> generate(GenerateRequest request) {
        Contract contract = this.reader.read(readContract(request.contract()));
        List<Path> written = new ArrayList<>();
        for (Language language : request.languages()) {
            Map<String, String> files = switch (language) {
                case TYPESCRIPT -> new TypeScriptGenerator().generate(contract, request.typescriptPackageName());
                case PYTHON ->
                    new PythonGenerator()
                            .generate(contract, request.pythonDistributionName(), request.pythonPackageName());
                case GO -> new GoGenerator().generate(contract, request.goModulePath(), request.goPackageName());
            };
            Path root = request.outputDirectory().resolve(language.name().toLowerCase(Locale.ROOT));
            files.forEach((path, content) -> {
                Path file = root.resolve(path);
                if (writeIfChanged(file, content)) {
                    written.add(file);
                }
            });
        }
        written.sort(null);
        return written;
    }

    private static String readContract(Path contract) {
        try {
            return Files.readString(contract, StandardCharsets.UTF_8);
        } catch (NoSuchFileException ex) {
            throw new InvalidContractException("No contract at " + contract
                    + ": compile the application first (the centrifugo4j annotation processor writes it)");
        } catch (IOException ex) {
            throw new UncheckedIOException("Failed to read " + contract, ex);
        }
    }

    private static boolean writeIfChanged(Path file, String content) {
        return GeneratedFiles.writeIfChanged(file, content);
    }
}
