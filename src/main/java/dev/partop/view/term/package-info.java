/**
 * The terminal side of the dashboard: the cell grid, the writer that sends only the cells that
 * changed inside synchronized output, colours and glyphs.
 */
package dev.partop.view.term;
