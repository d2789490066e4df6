package com.example.zoo;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/** A class with getters rather than a record. */
public class LegacyBean {

    /** A public field, written as it is. */
    public int visits = 3;

    private String name = "legacy";

    /** The bean's name. */
    public String getName() {
        return this.name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isOpen() {
        return true;
    }

    public @Nullable String getNote() {
        return null;
    }

    @JsonIgnore
    public String getSecret() {
        return "hidden";
    }
}
