/**
 * One class per widget of the dashboard (header, core bars, history, lanes, model panel,
 * results, footer, help), each painting into a grid of cells.
 */
package dev.partop.view.widget;
