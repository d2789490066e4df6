package com.example.kt;

// What kapt stubs for: data class Greeting(@NotBlank val name: String, val nickname: String?)
@kotlin.Metadata(k = 1, mv = {2, 2, 0})
public final class Greeting {

    @org.jetbrains.annotations.NotNull
    private final java.lang.String name;

    @org.jetbrains.annotations.Nullable
    private final java.lang.String nickname;

    public Greeting(
            @jakarta.validation.constraints.NotBlank @org.jetbrains.annotations.NotNull java.lang.String name,
            @org.jetbrains.annotations.Nullable java.lang.String nickname) {
        this.name = name;
        this.nickname = nickname;
    }

    @org.jetbrains.annotations.NotNull
    public final java.lang.String getName() {
        return this.name;
    }

    @org.jetbrains.annotations.Nullable
    public final java.lang.String getNickname() {
        return this.nickname;
    }

    @org.jetbrains.annotations.NotNull
    public final java.lang.String component1() {
        return this.name;
    }
}
