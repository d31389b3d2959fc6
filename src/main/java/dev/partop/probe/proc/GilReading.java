package dev.partop.probe.proc;

/**
 * The CPython GIL of one process at one moment, read from its memory without stopping it.
 *
 * @param locked       whether a thread holds it
 * @param holderTid    OS thread id of the last holder (the holder when locked), -1 if unknown
 * @param switchNumber hand-overs since the interpreter started (CPython counts each one)
 * @param intervalUs   the switch interval, microseconds ({@code sys.getswitchinterval()})
 */
public record GilReading(boolean locked, long holderTid, long switchNumber, long intervalUs) {
}
