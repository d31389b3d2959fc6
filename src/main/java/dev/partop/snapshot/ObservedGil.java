package dev.partop.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A real CPython process's GIL, read from its memory (observed, not modelled).
 *
 * @param pid          the process
 * @param version      e.g. {@code CPython 3.12}; null when not CPython
 * @param problem      why the GIL cannot be read ("GIL not readable: ..."); null when it is read
 * @param locked       held at the latest reading
 * @param holderTid    OS thread id of the holder (last holder when not locked), -1 unknown
 * @param holderLane   lane of that thread, -1 when none
 * @param intervalUs   switch interval, microseconds
 * @param switches     hand-overs since the phase started watching it (CPython's switch_number)
 * @param switchesPerS hand-overs per second over the last tick
 * @param heldFraction fraction of readings that found it held
 * @param waitS        seconds the process's threads spent waiting for it
 */
public record ObservedGil(long pid, String version, @JsonInclude(JsonInclude.Include.NON_NULL) String problem,
                          boolean locked, long holderTid, int holderLane, long intervalUs, long switches,
                          double switchesPerS, double heldFraction, double waitS) {

    public boolean readable() {
        return problem == null;
    }
}
