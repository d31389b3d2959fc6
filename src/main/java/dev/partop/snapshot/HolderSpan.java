package dev.partop.snapshot;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One lane's hold of one lock, in seconds since the run started. In JSON an array
 * {@code [lock, lane, start, end]}.
 *
 * @param lock  lock index (0 for the GIL; interpreter index for {@code interpreters})
 * @param lane  lane that held it
 * @param start when it took the lock
 * @param end   when it released it, or the tick's end if it still holds it
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY) // [lock, lane, start, end]: hundreds a second, keep them small
@JsonPropertyOrder({"lock", "lane", "start", "end"})
public record HolderSpan(int lock, int lane, double start, double end) {
}
