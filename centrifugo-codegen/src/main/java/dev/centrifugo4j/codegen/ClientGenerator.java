package dev.centrifugo4j.codegen;

import dev.centrifugo4j.codegen.go.GoGenerator;
import dev.centrifugo4j.codegen.python.PythonGenerator;
import dev.centrifugo4j.codegen.typescript.TypeScriptGenerator;
import dev.centrifugo4j.contract.Contract;
import dev.centrifugo4j.contract.InvalidContractException;
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

    /**
     * Runs the generators.
     *
     * @param request what to generate
     * @return the files written (new or changed), sorted
     * @throws InvalidContractException when the contract is missing or unreadable
     */
    public List<Path> generate(GenerateRequest request) {
        Contract contract = ContractFile.read(request.contract());
        List<Path> written = new ArrayList<>();
        for (Language language : request.languages()) {
            Map<String, String> files = switch (language) {
                case TYPESCRIPT ->
                    new TypeScriptGenerator().generate(contract, request.typescriptPackageName(), request.version());
                case PYTHON ->
                    new PythonGenerator()
                            .generate(
                                    contract,
                                    request.pythonDistributionName(),
                                    request.pythonPackageName(),
                                    request.version());
                case GO -> new GoGenerator().generate(contract, request.goModulePath(), request.goPackageName());
            };
            Path root = request.outputDirectory().resolve(language.name().toLowerCase(Locale.ROOT));
            files.forEach((path, content) -> {
                Path file = root.resolve(path);
                if (GeneratedFiles.writeIfChanged(file, content)) {
                    written.add(file);
                }
            });
        }
        written.sort(null);
        return written;
    }
}
