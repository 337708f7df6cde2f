package ru.unitecon.core.bookkeeping;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A client (a contact, or a lone lead or deal) as the sum of its members, keyed by member id. */
public record ClientState(String key, SortedMap<String, ClientMember> members) {

    public ClientState {
        members = Collections.unmodifiableSortedMap(new TreeMap<>(members));
    }

    public static ClientState empty(String key) {
        return new ClientState(key, new TreeMap<>());
    }

    public ClientState with(String memberId, ClientMember member) {
        SortedMap<String, ClientMember> copy = new TreeMap<>(members);
        copy.put(memberId, member);
        return new ClientState(key, copy);
    }

    public ClientState without(String memberId) {
        if (!members.containsKey(memberId)) {
            return this;
        }
        SortedMap<String, ClientMember> copy = new TreeMap<>(members);
        copy.remove(memberId);
        return new ClientState(key, copy);
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    public Map<String, ClientMember> asMap() {
        return members;
    }
}
