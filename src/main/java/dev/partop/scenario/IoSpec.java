package dev.partop.scenario;

import java.time.Duration;

/** One blocking I/O wait of a task round. */
public record IoSpec(IoKind kind, Duration duration) {
}
