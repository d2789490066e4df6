package dev.centrifugo4j.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContractVersionTests {

    @Test
    void isTheSha256OfTheTextInLowerCaseHex() {
        // FIPS 180-2's test vectors.
        assertThat(ContractVersion.of("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ContractVersion.of(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void hashesTheTextAsUtf8() {
        // The two bytes C3 A9, not Latin-1's E9.
        assertThat(ContractVersion.of("\u00e9"))
                .isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
    }
}
