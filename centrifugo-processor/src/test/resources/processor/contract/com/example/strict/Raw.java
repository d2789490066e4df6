package com.example.strict;

import tools.jackson.databind.JsonNode;

/** Properties of any JSON, null included: required to be there, but null is one of their values. */
public record Raw(JsonNode extra, Object anything) {}
