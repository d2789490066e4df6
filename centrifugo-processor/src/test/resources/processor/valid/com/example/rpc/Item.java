package com.example.rpc;

public record Item(String name) {}
