package com.example.kt;

// What kapt stubs for: data class Reply(val text: String, @field:Size(max = 80) val note: String?)
@kotlin.Metadata(k = 1, mv = {2, 2, 0})
public final class Reply {

    @org.jetbrains.annotations.NotNull
    private final java.lang.String text;

    @jakarta.validation.constraints.Size(max = 80)
    @org.jetbrains.annotations.Nullable
    private final java.lang.String note;

    public Reply(
            @org.jetbrains.annotations.NotNull java.lang.String text,
            @org.jetbrains.annotations.Nullable java.lang.String note) {
        this.text = text;
        this.note = note;
    }

    @org.jetbrains.annotations.NotNull
    public final java.lang.String getText() {
        return this.text;
    }

    @org.jetbrains.annotations.Nullable
    public final java.lang.String getNote() {
        return this.note;
    }
}
