package dev.centrifugo4j.boot.aot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.channel.OnPublish;
import dev.centrifugo4j.channel.PublishDecision;
import dev.centrifugo4j.rpc.WebSocketRpc;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import kotlin.coroutines.Continuation;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import reactor.core.publisher.Mono;

class CentrifugoRuntimeHintsTests {

    private final RuntimeHints hints = new RuntimeHints();

    CentrifugoRuntimeHintsTests() {
        new CentrifugoRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
    }

    @Test
    void isRegisteredForSpringAot() {
        assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
                .anyMatch(registrar -> registrar instanceof CentrifugoRuntimeHints);
    }

    @Test
    void theHandlerIndexAndContractResourcesAreIncluded() {
        assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/centrifugo/handler-index"))
                .accepts(this.hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("META-INF/centrifugo/contract.json"))
                .accepts(this.hints);
    }

    @Test
    void everyGeneratedIndexCanBeInstantiated() {
        for (String generated : List.of(
                "dev.centrifugo4j.boot.aot.CentrifugoRuntimeHintsTests_ShopHandlers_CentrifugoHandlers",
                "dev.centrifugo4j.boot.contract.SystemContract_CentrifugoHandlers")) {
            assertThat(RuntimeHintsPredicates.reflection()
                            .onType(TypeReference.of(generated))
                            .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS))
                    .as(generated)
                    .accepts(this.hints);
        }
    }

    @Test
    void handlerClassesCanBeIntrospectedForTheStartUpCheck() {
        assertThat(RuntimeHintsPredicates.reflection()
                        .onType(ShopHandlers.class)
                        .withMemberCategory(MemberCategory.INTROSPECT_DECLARED_METHODS))
                .accepts(this.hints);
    }

    @Test
    void parametersResultsAndPayloadsAreBindableByJacksonWithTheTypesTheyContain() throws Exception {
        for (Class<?> type :
                List.of(Order.class, Line.class, Receipt.class, Review.class, Coupon.class, Voucher.class)) {
            assertThat(RuntimeHintsPredicates.reflection().onType(type))
                    .as(type.getSimpleName())
                    .accepts(this.hints);
            assertThat(RuntimeHintsPredicates.reflection()
                            .onType(type)
                            .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS))
                    .as(type.getSimpleName() + " constructors")
                    .accepts(this.hints);
        }
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Order.class.getMethod("lines")))
                .accepts(this.hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Receipt.class.getMethod("total")))
                .accepts(this.hints);
    }

    @Test
    void typesThatAreNotBoundAreLeftAlone() {
        assertThat(RuntimeHintsPredicates.reflection().onType(NotBound.class)).rejects(this.hints);
    }

    record Line(String sku, int quantity) {}

    record Order(String id, List<Line> lines) {}

    record Receipt(String orderId, long total) {}

    record Review(String text, int stars) {}

    record NotBound(String secret) {}

    record Coupon(String code) {}

    record Voucher(String id) {}

    /** Marked as Kotlin's, so that its method with a Continuation last is a suspend function, as kapt stubs it. */
    @kotlin.Metadata(k = 1)
    static class ShopHandlers {

        @WebSocketRpc("shop.coupon")
        Mono<Coupon> coupon() {
            return Mono.just(new Coupon("c"));
        }

        @WebSocketRpc("shop.voucher")
        public Object voucher(Continuation<? super Voucher> completion) {
            return new Voucher("v");
        }

        @WebSocketRpc("shop.order")
        CompletionStage<Receipt> order(Order order) {
            return CompletableFuture.completedFuture(
                    new Receipt(order.id(), order.lines().size()));
        }

        @OnPublish("reviews:{product}")
        PublishDecision review(Review review) {
            return PublishDecision.allow();
        }

        NotBound helper() {
            return new NotBound("x");
        }
    }
}
