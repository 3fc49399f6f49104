package io.github.camelmarketo.component.marketo.consumer;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The commit rule of the consumer, in one place: the cursor of the next page is saved only after every exchange of
 * the current page completed successfully. A failed exchange leaves the stored cursor where it was, so the next poll
 * fetches the same page again (at-least-once, nothing skipped).
 */
public final class PageCommit {

    private final LeadCursor next;
    private final Consumer<LeadCursor> onCommit;
    private final AtomicInteger pending;
    private final AtomicBoolean failed = new AtomicBoolean();

    /**
     * @param next      the cursor to store once the page is done
     * @param exchanges how many exchanges the page has
     * @param onCommit  stores the cursor
     */
    public PageCommit(LeadCursor next, int exchanges, Consumer<LeadCursor> onCommit) {
        this.next = next;
        this.onCommit = onCommit;
        this.pending = new AtomicInteger(exchanges);
        if (exchanges == 0) {
            onCommit.accept(next);
        }
    }

    /** One exchange of the page completed successfully. */
    public void completed() {
        if (pending.decrementAndGet() == 0 && !failed.get()) {
            onCommit.accept(next);
        }
    }

    /** One exchange of the page failed: the page will be fetched again. */
    public void failed() {
        failed.set(true);
        pending.decrementAndGet();
    }

    /**
     * {@code count} exchanges of the page were not dispatched (an earlier one failed, or the consumer is stopping):
     * the page counts as failed and comes again with the retried page.
     */
    public void notDispatched(int count) {
        if (count > 0) {
            failed.set(true);
            pending.addAndGet(-count);
        }
    }

    /** Whether every exchange of the page has finished (successfully or not). */
    public boolean isDone() {
        return pending.get() <= 0;
    }

    /** Whether an exchange of the page failed. */
    public boolean isFailed() {
        return failed.get();
    }
}
