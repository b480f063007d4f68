package com.shiftrelay.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The personal notifications the Bitrix24 dialect was asked to show ({@code im.notify.personal.add}) and withdraw
 * ({@code im.notify.delete}): the latest ones, for the sandbox page, as a user's bell in Bitrix24 would show them.
 * Kept in memory: they are what a portal showed, not work ShiftRelay must not lose.
 */
@Component
@ConditionalOnSandboxCrm
class SandboxNotifications {

    static final int KEPT = 50;

    /** One notification; {@code withdrawnAt} is set once it is deleted. */
    record Notification(long id, long userId, String message, Instant at, Instant withdrawnAt) {

        Notification withdrawn(Instant when) {
            return new Notification(id, userId, message, at, when);
        }
    }

    private final AtomicLong ids = new AtomicLong();
    private final Deque<Notification> recent = new ArrayDeque<>();
    private final Clock clock;

    SandboxNotifications(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    long add(long userId, String message) {
        Notification notification = new Notification(ids.incrementAndGet(), userId, message, clock.instant(), null);
        synchronized (recent) {
            recent.addFirst(notification);
            while (recent.size() > KEPT) {
                recent.removeLast();
            }
        }
        return notification.id();
    }

    /** Whether a notification still shown had that id. */
    boolean withdraw(long id) {
        synchronized (recent) {
            List<Notification> all = List.copyOf(recent);
            recent.clear();
            boolean found = false;
            for (Notification notification : all) {
                if (notification.id() == id && notification.withdrawnAt() == null) {
                    recent.addLast(notification.withdrawn(clock.instant()));
                    found = true;
                } else {
                    recent.addLast(notification);
                }
            }
            return found;
        }
    }

    /** The latest notifications, newest first. */
    List<Notification> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
