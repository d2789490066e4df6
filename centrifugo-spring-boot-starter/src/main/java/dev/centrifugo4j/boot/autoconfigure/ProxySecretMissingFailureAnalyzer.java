package dev.centrifugo4j.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains {@link ProxySecretMissingException} and how to fix it. */
class ProxySecretMissingFailureAnalyzer extends AbstractFailureAnalyzer<ProxySecretMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProxySecretMissingException cause) {
        return new FailureAnalysis(
                "The Centrifugo proxy endpoints would accept requests from anyone: no shared secret is configured,"
                        + " so any client that reaches the application could call every RPC handler as any user.",
                """
                Set 'centrifugo.proxy.secret' to a long random value and configure Centrifugo to send it as a static \
                header on every proxy (header name from 'centrifugo.proxy.secret-header', default \
                X-Centrifugo-Proxy-Secret):

                    "rpc": {"proxy": {"endpoint": "http://app:8080/centrifugo/rpc/",
                                      "http": {"static_headers": {"X-Centrifugo-Proxy-Secret": "<secret>"}}}}

                For local development only, 'centrifugo.proxy.insecure=true' turns the check off.""",
                cause);
    }
}
