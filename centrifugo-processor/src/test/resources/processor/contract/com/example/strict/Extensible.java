package com.example.strict;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;

/** A class that keeps the properties it does not have. */
public class Extensible {

    private String name = "";

    private final Map<String, Object> more = new LinkedHashMap<>();

    public String getName() {
        return this.name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @JsonAnySetter
    public void keep(String property, Object value) {
        this.more.put(property, value);
    }
}
