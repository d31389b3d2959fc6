package dev.partop.view.term;

import java.io.IOException;

/**
 * A terminal that takes ANSI bytes as they are: {@link DeltaWriter} then encodes a frame itself
 * (relative cursor moves, one merged colour sequence per style) instead of going through
 * Lanterna's calls, which write a full cursor address per run and one sequence per attribute.
 */
public interface AnsiStream {

    /** Writes {@code bytes} to the terminal unchanged (no flush). */
    void writeAnsi(byte[] bytes) throws IOException;
}
