package dev.centrifugo4j.processor;

/**
 * The channel handler annotations, in the order the generated index sorts their methods. Each names
 * its runtime types by string, so that the processor never loads them.
 */
enum ChannelAnnotation {

    /** {@code @OnSubscribe}. */
    ON_SUBSCRIBE(
            HandlerProcessor.ON_SUBSCRIBE,
            "SUBSCRIBE",
            "dev.centrifugo4j.channel.SubscribeResult",
            true,
            true,
            "SubscribeResult, boolean, Boolean or void, or a CompletionStage of SubscribeResult, Boolean or Void"),

    /** {@code @OnPublish}. */
    ON_PUBLISH(
            HandlerProcessor.ON_PUBLISH,
            "PUBLISH",
            "dev.centrifugo4j.channel.PublishDecision",
            true,
            true,
            "PublishDecision, boolean, Boolean or void, or a CompletionStage of PublishDecision, Boolean or Void"),

    /** {@code @OnSubRefresh}. */
    ON_SUB_REFRESH(
            HandlerProcessor.ON_SUB_REFRESH,
            "SUB_REFRESH",
            "dev.centrifugo4j.channel.SubRefreshResult",
            false,
            false,
            "SubRefreshResult or a CompletionStage of SubRefreshResult (Centrifugo ignores errors here: answer"
                    + " SubRefreshResult.expired() to end the subscription)");

    private final String qualifiedName;

    private final String operation;

    private final String resultType;

    private final boolean booleanOrVoidAllowed;

    private final boolean payloadAllowed;

    private final String allowedReturnTypes;

    ChannelAnnotation(
            String qualifiedName,
            String operation,
            String resultType,
            boolean booleanOrVoidAllowed,
            boolean payloadAllowed,
            String allowedReturnTypes) {
        this.qualifiedName = qualifiedName;
        this.operation = operation;
        this.resultType = resultType;
        this.booleanOrVoidAllowed = booleanOrVoidAllowed;
        this.payloadAllowed = payloadAllowed;
        this.allowedReturnTypes = allowedReturnTypes;
    }

    /** The channel handler annotation with the qualified name. */
    static ChannelAnnotation of(String qualifiedName) {
        for (ChannelAnnotation annotation : values()) {
            if (annotation.qualifiedName.equals(qualifiedName)) {
                return annotation;
            }
        }
        throw new IllegalArgumentException("Not a channel handler annotation: " + qualifiedName);
    }

    /** The annotation's qualified name. */
    String qualifiedName() {
        return this.qualifiedName;
    }

    /** The annotation's simple name, as messages show it after {@code @}. */
    String simpleName() {
        return this.qualifiedName.substring(this.qualifiedName.lastIndexOf('.') + 1);
    }

    /** The name of the {@code ChannelOperation} constant the method answers. */
    String operation() {
        return this.operation;
    }

    /** The qualified name of the result type the method may return. */
    String resultType() {
        return this.resultType;
    }

    /** Whether the method may also return {@code boolean}, {@code Boolean} or {@code void}. */
    boolean booleanOrVoidAllowed() {
        return this.booleanOrVoidAllowed;
    }

    /** Whether the request carries data that a payload parameter can bind to. */
    boolean payloadAllowed() {
        return this.payloadAllowed;
    }

    /** The allowed return types, as {@link Message#INVALID_RETURN_TYPE} lists them. */
    String allowedReturnTypes() {
        return this.allowedReturnTypes;
    }
}
