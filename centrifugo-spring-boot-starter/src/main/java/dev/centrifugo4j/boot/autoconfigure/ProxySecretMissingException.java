package dev.centrifugo4j.boot.autoconfigure;

/** Start-up failure: a proxy endpoint would be served without a shared secret. */
public class ProxySecretMissingException extends RuntimeException {

    public ProxySecretMissingException() {
        super("No Centrifugo proxy secret is configured: set 'centrifugo.proxy.secret' (or, for local development"
                + " only, 'centrifugo.proxy.insecure=true')");
    }
}
