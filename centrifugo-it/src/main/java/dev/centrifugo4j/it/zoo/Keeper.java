package dev.centrifugo4j.it.zoo;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/** A class with getters and setters rather than a record. */
public class Keeper {

    private String name = "";

    private int visits;

    private boolean open;

    private @Nullable String note;

    /** The keeper's name. */
    public String getName() {
        return this.name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** How often the keeper came by. */
    public int getVisits() {
        return this.visits;
    }

    public void setVisits(int visits) {
        this.visits = visits;
    }

    /** Whether the keeper is on duty. */
    public boolean isOpen() {
        return this.open;
    }

    public void setOpen(boolean open) {
        this.open = open;
    }

    /** A note, if any. */
    public @Nullable String getNote() {
        return this.note;
    }

    public void setNote(@Nullable String note) {
        this.note = note;
    }

    /** Never written: {@code @JsonIgnore}. */
    @JsonIgnore
    public String getSecret() {
        return "hidden";
    }
}
