package ru.unitecon.ui.data;

import java.util.Collection;
import java.util.Map;

/** Where the retention view learns masters' names: the portal, asked live; nothing is stored or cached. */
@FunctionalInterface
public interface MasterDirectory {
    /** The names of those of the users the portal could name; empty when it could not be asked. */
    Map<Long, String> names(String memberId, Collection<Long> userIds);
}
