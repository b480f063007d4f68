package com.shiftrelay.presence;

import java.util.List;

/**
 * A directory sync has finished; {@code newManagerIds}: the managers it created, in the CRM's order, each committed
 * already (the sync writes every manager in a transaction of its own).
 */
public record DirectorySynced(List<Long> newManagerIds) {
}
