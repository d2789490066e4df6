package dev.centrifugo4j.examples.webflux;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The rooms and who is in them, in memory. */
@Component
class RoomDirectory {

    private final Map<String, Set<String>> rooms =
            new ConcurrentHashMap<>(Map.of("lobby", ConcurrentHashMap.newKeySet()));

    boolean exists(String room) {
        return this.rooms.containsKey(room);
    }

    void create(String room) {
        this.rooms.putIfAbsent(room, ConcurrentHashMap.newKeySet());
    }

    int size(String room) {
        Set<String> members = this.rooms.get(room);
        return (members != null) ? members.size() : 0;
    }

    /** Adds a user to a room that exists; the room's size after. */
    int join(String room, String user) {
        Set<String> members = this.rooms.computeIfAbsent(room, (name) -> ConcurrentHashMap.newKeySet());
        members.add(user);
        return members.size();
    }
}
