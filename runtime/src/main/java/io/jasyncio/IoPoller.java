package io.jasyncio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Objects;

/**
 * The loop's I/O readiness: one {@link Selector}, opened when the first channel is watched, and
 * per channel at most one reader and one writer callback (asyncio's {@code add_reader} and
 * {@code add_writer}). When the selector reports a channel ready, its callbacks are queued on the
 * loop like any other handle; they stay registered until removed.
 *
 * <p>A channel's key is kept with no interest when its callbacks are removed, instead of being
 * cancelled: a cancelled key stays in the selector until its next select, and registering the
 * channel again before that fails. A closed channel's key is dropped by the selector itself on
 * the next select, which is also when the JDK really closes its descriptor.
 */
final class IoPoller {
    private final EventLoop loop;
    /** The loop's selector; null until a channel is first watched. Read by other threads to wake it. */
    private volatile Selector selector;
    /** Channels with a reader or a writer callback: while there are some, the loop waits on I/O. */
    private int active;
    /** A watched channel was closed or unwatched: its key must be flushed by a select. */
    private boolean dirty;
    /** Where connections read into before the bytes go to their readers: one per loop, not per connection. */
    private java.nio.ByteBuffer readBuffer;

    /** The callbacks of one channel: the selection key's attachment. */
    private static final class Watch {
        Handle reader;
        Handle writer;

        int interest(SelectableChannel ch) {
            int ops = 0;
            if (reader != null) {
                ops |= (ch.validOps() & SelectionKey.OP_ACCEPT) != 0 ? SelectionKey.OP_ACCEPT : SelectionKey.OP_READ;
            }
            if (writer != null) {
                ops |= (ch.validOps() & SelectionKey.OP_CONNECT) != 0 && !isConnected(ch)
                        ? SelectionKey.OP_CONNECT
                        : SelectionKey.OP_WRITE;
            }
            return ops;
        }

        private static boolean isConnected(SelectableChannel ch) {
            return ch instanceof java.nio.channels.SocketChannel sc && sc.isConnected();
        }
    }

    IoPoller(EventLoop loop) {
        this.loop = loop;
    }

    /** Whether the loop has channels to wait on. */
    boolean isActive() {
        return active > 0;
    }

    /** Whether a select is owed: channels are watched, or closed ones must be flushed. */
    boolean needsSelect() {
        return active > 0 || dirty;
    }

    /**
     * Sets the reader ({@code read == true}) or writer callback of {@code ch}, replacing (and
     * cancelling) an earlier one; returns the new callback's handle.
     */
    Handle watch(SelectableChannel ch, boolean read, Runnable callback) {
        Objects.requireNonNull(ch, "channel");
        Objects.requireNonNull(callback, "callback");
        if (!ch.isOpen()) {
            throw new IllegalArgumentException("the channel is closed: " + ch);
        }
        if (ch.isBlocking()) {
            throw new IllegalArgumentException(
                    "the channel is in blocking mode (configureBlocking(false) first): " + ch);
        }
        SelectionKey key = ch.keyFor(selector());
        Watch w = key != null && key.isValid() ? (Watch) key.attachment() : null;
        if (w == null) {
            w = new Watch();
        }
        boolean wasActive = w.reader != null || w.writer != null;
        Handle h = new Handle(loop, callback);
        Handle old = read ? w.reader : w.writer;
        if (old != null) {
            old.cancel();
        }
        if (read) {
            w.reader = h;
        } else {
            w.writer = h;
        }
        try {
            if (key != null && key.isValid()) {
                key.interestOps(w.interest(ch));
                key.attach(w);
            } else {
                ch.register(selector, w.interest(ch), w);
            }
        } catch (ClosedChannelException e) {
            throw new IllegalArgumentException("the channel is closed: " + ch, e);
        }
        if (!wasActive) {
            active++;
        }
        return h;
    }

    /** Removes the reader or writer callback of {@code ch}; returns whether there was one. */
    boolean unwatch(SelectableChannel ch, boolean read) {
        return unwatch(ch, read, null);
    }

    /**
     * Removes the reader or writer callback of {@code ch} if it is {@code expected} (any callback
     * when null): an operation that finished removes its own callback, never a newer one.
     */
    boolean unwatch(SelectableChannel ch, boolean read, Handle expected) {
        Selector s = selector;
        SelectionKey key = s == null ? null : ch.keyFor(s);
        if (key == null || !(key.attachment() instanceof Watch w)) {
            return false;
        }
        Handle old = read ? w.reader : w.writer;
        if (old == null || expected != null && old != expected) {
            return false;
        }
        old.cancel();
        if (read) {
            w.reader = null;
        } else {
            w.writer = null;
        }
        if (w.reader == null && w.writer == null) {
            active--;
            key.attach(null);
            dirty = true;
        }
        if (key.isValid()) {
            key.interestOps(w.interest(ch));
        }
        return true;
    }

    /** A watched channel is being closed: drops its callbacks (the key goes with the channel). */
    void forget(SelectableChannel ch) {
        unwatch(ch, true);
        unwatch(ch, false);
        dirty = true;
    }

    /**
     * Waits up to {@code nanos} (-1: no limit, 0: no wait) for a watched channel to be ready or
     * for {@link #wakeUp}, and queues the callbacks of the ready channels on the loop. Returns
     * how many callbacks it queued.
     */
    int select(long nanos) {
        Selector s = selector();
        try {
            if (nanos == 0) {
                s.selectNow();
            } else if (nanos < 0) {
                s.select();
            } else {
                s.select(Math.max(1, nanos / 1_000_000));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the event loop's selector failed", e);
        }
        dirty = false;
        int queued = 0;
        Iterator<SelectionKey> it = s.selectedKeys().iterator();
        while (it.hasNext()) {
            SelectionKey key = it.next();
            it.remove();
            if (!key.isValid() || !(key.attachment() instanceof Watch w)) {
                continue;
            }
            int ready = key.readyOps();
            if (w.reader != null && (ready & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0) {
                loop.ready(w.reader);
                queued++;
            }
            if (w.writer != null && (ready & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0) {
                loop.ready(w.writer);
                queued++;
            }
        }
        return queued;
    }

    /** Any thread: makes a select in progress (or the next one) return at once. */
    void wakeUp() {
        Selector s = selector;
        if (s != null) {
            s.wakeup();
        }
    }

    /** The loop's scratch buffer for socket reads (cleared), used only between a read and its copy. */
    java.nio.ByteBuffer readBuffer() {
        java.nio.ByteBuffer b = readBuffer;
        if (b == null) {
            b = readBuffer = java.nio.ByteBuffer.allocate(256 * 1024);
        }
        return b.clear();
    }

    /** Whether the selector is open (a loop that never watched a channel has none). */
    boolean hasSelector() {
        return selector != null;
    }

    /** Closes the selector (the loop is closing); the channels themselves stay open. */
    void close() {
        Selector s = selector;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing a selector only releases its own descriptor; nothing to hand on
            }
            active = 0;
        }
    }

    private Selector selector() {
        Selector s = selector;
        if (s == null) {
            try {
                s = Selector.open();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open a selector for the event loop", e);
            }
            selector = s;
        }
        return s;
    }
}
