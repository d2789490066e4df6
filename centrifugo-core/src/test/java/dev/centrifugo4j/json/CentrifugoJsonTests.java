package dev.centrifugo4j.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CentrifugoJsonTests {

    record Price(BigDecimal amount, BigInteger units, long count) {}

    private final JsonMapper base = JsonMapper.builder().build();

    private final JsonMapper wire = CentrifugoJson.mapper(this.base);

    @Test
    void writesBigNumbersAsStringsThatKeepEveryDigitAndTheScale() {
        Price price = new Price(
                new BigDecimal("1234567890.123456789012345678900"), new BigInteger("-98765432109876543210"), 7L);

        assertThat(this.wire.writeValueAsString(price))
                .isEqualTo("{\"amount\":\"1234567890.123456789012345678900\",\"units\":\"-98765432109876543210\","
                        + "\"count\":7}");
    }

    @Test
    void writesDecimalsWithoutAnExponent() {
        assertThat(this.wire.writeValueAsString(new BigDecimal("-0.000000010"))).isEqualTo("\"-0.000000010\"");
        assertThat(this.wire.writeValueAsString(new BigDecimal("1E+3"))).isEqualTo("\"1000\"");
        assertThat(this.wire.readValue("\"1E+3\"", BigDecimal.class)).isEqualByComparingTo("1000");
    }

    @Test
    void readsStringsAndNumbers() {
        Price fromStrings = this.wire.readValue("{\"amount\":\"0.10\",\"units\":\"12\",\"count\":1}", Price.class);
        Price fromNumbers = this.wire.readValue("{\"amount\":0.10,\"units\":12,\"count\":1}", Price.class);

        assertThat(fromStrings).isEqualTo(new Price(new BigDecimal("0.10"), BigInteger.valueOf(12), 1));
        assertThat(fromNumbers).isEqualTo(fromStrings);
    }

    @Test
    void keepsTheOffsetOfADateTime() {
        String json = "\"1999-12-31T23:59:59.999-11:30\"";

        assertThat(this.wire.writeValueAsString(this.wire.readValue(json, java.time.OffsetDateTime.class)))
                .isEqualTo(json);
    }

    @Test
    void leavesTheApplicationsMapperAsItIs() {
        assertThat(this.base.writeValueAsString(new BigDecimal("2.5"))).isEqualTo("2.5");
    }
}
