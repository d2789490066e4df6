/** The version of the contract this client was generated from; `system.contract` answers the server's. */
export const CONTRACT_VERSION = "c33780f024dd078746569e5ecc8e52b0f3b5c5b3ccc32055b754f03787971b98";
/** A call that failed: the server's error reply, or a timeout or transport error of the SDK. */
export class RpcError extends Error {
    code;
    temporary;
    /** The failed constraints when `code` is 422, otherwise empty. */
    violations;
    constructor(code, message, temporary, violations = []) {
        super(message);
        this.name = "RpcError";
        this.code = code;
        this.temporary = temporary;
        this.violations = violations;
    }
    /** Turns what the SDK rejects with into an `RpcError`; a 422 carries its violations as JSON. */
    static from(error) {
        if (error instanceof RpcError) {
            return error;
        }
        const raw = (typeof error === "object" && error !== null ? error : {});
        const code = typeof raw.code === "number" ? raw.code : 0;
        const message = typeof raw.message === "string" ? raw.message : String(error);
        const temporary = raw.temporary === true;
        if (code === 422) {
            try {
                const body = JSON.parse(message);
                const violations = Array.isArray(body.violations) ? body.violations : [];
                const text = typeof body.message === "string" ? body.message : message;
                return new RpcError(code, text, temporary, violations);
            }
            catch {
                // Not the JSON body of a validation error: keep the message as it is.
            }
        }
        return new RpcError(code, message, temporary);
    }
}
/** The application's RPC methods and channels over an existing `Centrifuge` instance. */
export class RpcClient {
    centrifuge;
    constructor(centrifuge) {
        this.centrifuge = centrifuge;
    }
    /** Echoes a specimen of every type the contract maps. (`zoo.echo`) */
    zooEcho(params, options) {
        return this.call("zoo.echo", params, options);
    }
    /** Does nothing, and answers with nothing. (`zoo.feed`) */
    zooFeed(options) {
        return this.call("zoo.feed", {}, options);
    }
    /** Returns the keeper it is given. (`zoo.keeper`) */
    zooKeeper(params, options) {
        return this.call("zoo.keeper", params, options);
    }
    /** Returns the page it is given, or none. (`zoo.page`) */
    zooPage(params, options) {
        return this.call("zoo.page", params, options);
    }
    /** Publishes a sighting into the cage's channel, through the typed channel. (`zoo.sight`) */
    zooSight(params, options) {
        return this.call("zoo.sight", params, options);
    }
    /** Returns the tags of each name. (`zoo.tags`) */
    zooTags(params, options) {
        return this.call("zoo.tags", params, options);
    }
    /** Returns the shape it is given, later. (`zoo:shape`) */
    zooShape(params, options) {
        return this.call("zoo:shape", params, options);
    }
    /** Subscribes to `zoo:cage.{cage}`; publications are `Sighting`. */
    subscribeZooCage(cage, handlers = {}) {
        const subscription = this.centrifuge.newSubscription(`zoo:cage.${cage}`);
        subscription.on("publication", (context) => {
            handlers.onPublication?.(context.data, context);
        });
        subscription.subscribe();
        return subscription;
    }
    /** Calls a method and waits for its result, or fails with an `RpcError`. */
    async call(method, data, options) {
        const reply = this.centrifuge.rpc(method, data);
        try {
            const result = options?.timeout === undefined ? await reply : await withTimeout(reply, options.timeout);
            return result.data;
        }
        catch (error) {
            throw RpcError.from(error);
        }
    }
}
function withTimeout(promise, milliseconds) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new RpcError(1, "timeout", true)), milliseconds);
        promise.then((value) => {
            clearTimeout(timer);
            resolve(value);
        }, (error) => {
            clearTimeout(timer);
            reject(error);
        });
    });
}
