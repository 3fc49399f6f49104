package io.github.camelmarketo.emulator.core;

import java.util.List;

/**
 * A static list: id, name (SOAP StaticListSelector accepts either) and member lead ids in insertion order.
 *
 * @param id        list id
 * @param name      list name, e.g. {@code "VIP"} or {@code "SMSProgram.listForTesting"}
 * @param memberIds member lead ids, snapshot
 */
public record StaticList(int id, String name, List<Integer> memberIds) {
}
