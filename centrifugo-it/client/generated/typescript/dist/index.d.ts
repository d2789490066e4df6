import type { Centrifuge, PublicationContext, Subscription } from "centrifuge";
/** The version of the contract this client was generated from; `system.contract` answers the server's. */
export declare const CONTRACT_VERSION = "c33780f024dd078746569e5ecc8e52b0f3b5c5b3ccc32055b754f03787971b98";
/** A colour, written by name. */
export type Color = "RED" | "GREEN" | "BLUE";
/** One of every type the contract maps. */
export interface Everything {
    /** a name, not blank */
    name: string;
    /** an int */
    count: number;
    /** a long */
    total: number;
    ratio: number;
    half: number;
    active: boolean;
    initial: string;
    boxedCount: number;
    maybeTotal?: number | null;
    level: number;
    small: number;
    id: string;
    at: string;
    offsetAt: string;
    day: string;
    localAt: string;
    took: string;
    price: string;
    huge: string;
    bytes: string;
    tags: Array<string>;
    colors: Array<Color>;
    numbers: Array<number>;
    scores: Record<string, number>;
    nickname?: string | null;
    extra: unknown;
    anything: unknown;
    color: Color;
    grade: Grade;
    mood: Mood;
    order: Order;
    shape: Shape;
    /** written as renamed_field */
    renamed_field: string;
    omittedWhenNull?: string | null;
    tagPage: PageOfTag;
    keeper: Keeper;
    maybeColor?: Color | null;
}
/** A grade, written with the names @JsonProperty gives. */
export type Grade = "s" | "l";
/** A class with getters and setters rather than a record. */
export interface Keeper {
    /** The keeper's name. */
    name: string;
    /** How often the keeper came by. */
    visits: number;
    /** Whether the keeper is on duty. */
    open: boolean;
    /** A note, if any. */
    note?: string | null;
}
/** A mood, written with the code @JsonValue returns. */
export type Mood = "calm" | "hungry 🍖" | "zzz";
/** An order with nested lines. */
export interface Order {
    /** the order's id */
    id: string;
    /** what is ordered */
    lines: Array<OrderLine>;
}
/** One line of an order. */
export interface OrderLine {
    /** the article */
    sku: string;
    /** how many */
    quantity: number;
}
/** One page of items. */
export interface PageOfOrderLine {
    /** the items of this page */
    items: Array<OrderLine>;
    /** how many items there are in all */
    total: number;
}
/** One page of items. */
export interface PageOfTag {
    /** the items of this page */
    items: Array<Tag>;
    /** how many items there are in all */
    total: number;
}
/** A shape, told apart by its kind. */
export type Shape = ShapeCircle | ShapeSquare;
/** A circle. */
export interface ShapeCircle {
    kind: "circle";
    /** its radius */
    radius: number;
}
/** A square. */
export interface ShapeSquare {
    kind: "square";
    /** the length of a side */
    side: number;
    /** a label, if any */
    label: string;
}
/** What the server publishes when an animal shows itself in a cage: a typed channel. */
export interface Sighting {
    /** the animal seen */
    animal: string;
    /** when */
    at: string;
    /** everything about it */
    specimen: Everything;
}
/** Asks the server to publish a sighting into a cage's channel. */
export interface SightingRequest {
    /** the cage, the channel's variable */
    cage: string;
    /** what to publish */
    sighting: Sighting;
}
/** A tag that may have a parent tag. */
export interface Tag {
    /** the tag's text */
    label: string;
    /** the tag above, if any */
    parent?: Tag | null;
}
/** One failed constraint of a call's data (error 422). */
export interface Violation {
    /** The path inside the call's data, such as `items[0].name`; empty for the data as a whole. */
    field: string;
    /** The constraint's simple name, such as `NotBlank`. */
    constraint: string;
    message: string;
}
/** Options of one call. */
export interface CallOptions {
    /** Milliseconds to wait for the reply before failing with an `RpcError` of code 1 (`timeout`). */
    timeout?: number;
}
/** A call that failed: the server's error reply, or a timeout or transport error of the SDK. */
export declare class RpcError extends Error {
    readonly code: number;
    readonly temporary: boolean;
    /** The failed constraints when `code` is 422, otherwise empty. */
    readonly violations: Violation[];
    constructor(code: number, message: string, temporary: boolean, violations?: Violation[]);
    /** Turns what the SDK rejects with into an `RpcError`; a 422 carries its violations as JSON. */
    static from(error: unknown): RpcError;
}
/** What a typed subscription calls with each publication. */
export interface ChannelHandlers<T> {
    onPublication?: (data: T, context: PublicationContext) => void;
}
/** The application's RPC methods and channels over an existing `Centrifuge` instance. */
export declare class RpcClient {
    private readonly centrifuge;
    constructor(centrifuge: Centrifuge);
    /** Echoes a specimen of every type the contract maps. (`zoo.echo`) */
    zooEcho(params: Everything, options?: CallOptions): Promise<Everything>;
    /** Does nothing, and answers with nothing. (`zoo.feed`) */
    zooFeed(options?: CallOptions): Promise<void>;
    /** Returns the keeper it is given. (`zoo.keeper`) */
    zooKeeper(params: Keeper, options?: CallOptions): Promise<Keeper>;
    /** Returns the page it is given, or none. (`zoo.page`) */
    zooPage(params: PageOfOrderLine | null, options?: CallOptions): Promise<PageOfOrderLine | null>;
    /** Publishes a sighting into the cage's channel, through the typed channel. (`zoo.sight`) */
    zooSight(params: SightingRequest, options?: CallOptions): Promise<number>;
    /** Returns the tags of each name. (`zoo.tags`) */
    zooTags(params: Record<string, Array<Tag>>, options?: CallOptions): Promise<Record<string, Array<Tag>>>;
    /** Returns the shape it is given, later. (`zoo:shape`) */
    zooShape(params: Shape, options?: CallOptions): Promise<Shape>;
    /** Subscribes to `zoo:cage.{cage}`; publications are `Sighting`. */
    subscribeZooCage(cage: string, handlers?: ChannelHandlers<Sighting>): Subscription;
    /** Calls a method and waits for its result, or fails with an `RpcError`. */
    private call;
}
