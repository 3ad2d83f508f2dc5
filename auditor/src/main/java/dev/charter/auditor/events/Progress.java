package dev.charter.auditor.events;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A progress bar on the terminal for long reads: done of total (events or bytes), rate and elapsed time,
 * redrawn at most five times a second on one line of standard error. Silent when not enabled (no terminal,
 * {@code --no-progress}, {@code --json}).
 */
public class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private String label = "";
    private long total;
    private long done;
    private long lastDraw;
    private boolean drawn;

    public Progress(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    public static Progress none() {
        return new Progress(System.err, false);
    }

    public synchronized void start(String label, long total) {
        this.label = label;
        this.total = total;
        this.done = 0;
        draw(true);
    }

    public synchronized void advanceTo(long value) {
        done = value;
        draw(false);
    }

    public synchronized void advance(long by) {
        done += by;
        draw(false);
    }

    public synchronized void end() {
        draw(true);
        if (enabled && drawn) {
            out.println();
            out.flush();
        }
        drawn = false;
    }

    private void draw(boolean force) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        Duration elapsed = Duration.ofNanos(now - started);
        String bar;
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            bar = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                    + String.format("%3d%%", Math.min(100, 100 * done / total));
        } else {
            bar = String.format("%,d", done);
        }
        out.print("\r" + label + " " + bar + String.format("  %ds", elapsed.toSeconds()));
        out.flush();
        drawn = true;
    }
}
