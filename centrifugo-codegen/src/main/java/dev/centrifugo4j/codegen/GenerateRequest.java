package dev.centrifugo4j.codegen;

import java.nio.file.Path;
import java.util.List;

/**
 * What to generate, whoever asks (the Maven goal, {@link CodegenMain}, a test).
 *
 * @param contract the contract file, usually {@code target/classes/META-INF/centrifugo/contract.json}
 * @param outputDirectory where each language gets its own folder ({@code typescript/})
 * @param languages the languages, already expanded (no {@code all})
 * @param typescriptPackageName the npm package name of the TypeScript client
 */
public record GenerateRequest(
        Path contract, Path outputDirectory, List<Language> languages, String typescriptPackageName) {

    public GenerateRequest {
        if (contract == null || outputDirectory == null) {
            throw new IllegalArgumentException("'contract' and 'outputDirectory' must not be null");
        }
        if (languages == null || languages.isEmpty()) {
            throw new IllegalArgumentException("'languages' must name at least one language");
        }
        if (typescriptPackageName == null
                || !typescriptPackageName.matches("(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*")) {
            throw new IllegalArgumentException(
                    "'typescriptPackageName' must be a valid npm package name, got '" + typescriptPackageName + "'");
        }
        languages = List.copyOf(languages);
    }
}
