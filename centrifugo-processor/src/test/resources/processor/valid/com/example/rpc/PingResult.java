package com.example.rpc;

public record PingResult(String reply) {}
