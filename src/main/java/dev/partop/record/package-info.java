/**
 * Recordings and reports: data recordings ({@code .partop}) and their replay, asciicasts, the
 * results table (md, csv) and the pictures for slides (svg, html) drawn from a run's Snapshots.
 * Sees only {@code snapshot} and {@code sink}.
 */
package dev.partop.record;
