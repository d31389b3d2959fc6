package dev.partop.scenario;

/** How an I/O wait really blocks. */
public enum IoKind {
    /** Thread sleep for the wait time. */
    SLEEP,
    /** A request over a loopback TCP socket to a local server that answers after the wait. */
    SOCKET
}
