package com.example.strict;

import org.jspecify.annotations.Nullable;

/** A class with getters and setters rather than a record. */
public class Profile {

    private String name = "";

    private @Nullable String nickname;

    public String getName() {
        return this.name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public @Nullable String getNickname() {
        return this.nickname;
    }

    public void setNickname(@Nullable String nickname) {
        this.nickname = nickname;
    }
}
