/**
 * The Lanterna dashboard: opens the terminal, lays out the widgets, paints at a steady frame rate
 * and hands keys to the session. Sees only {@code snapshot} and {@code sink}.
 */
package dev.partop.view;
