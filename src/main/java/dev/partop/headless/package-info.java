/**
 * No dashboard: a plain line per sample and a results table, or JSON Lines (header, sample,
 * phase, summary). Sees only {@code snapshot} and {@code sink}.
 */
package dev.partop.headless;
