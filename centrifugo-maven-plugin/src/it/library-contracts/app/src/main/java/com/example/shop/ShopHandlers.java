package com.example.shop;

import dev.centrifugo4j.rpc.WebSocketRpc;

public class ShopHandlers {

    /** The price of an item, in cents. */
    @WebSocketRpc("shop.price")
    public Price price(Item item) {
        return new Price(item.sku(), 499);
    }

    public record Item(String sku) {}

    public record Price(String sku, long cents) {}
}
