package dev.partop.view;

import dev.partop.view.term.ColorMode;
import dev.partop.view.widget.Symbols;

import com.googlecode.lanterna.TerminalSize;

/**
 * How to draw.
 *
 * @param colors  colour depth (detect with {@link ColorMode#detect})
 * @param symbols glyph set (detect with {@link Symbols#detect})
 * @param fps     frames per second at most (1..30)
 * @param replay  true when drawing a recording (the keys differ)
 * @param size    draw a screen of this size whatever the terminal is ({@code --size}); null: the terminal's
 */
public record DashboardOptions(ColorMode colors, Symbols symbols, int fps, boolean replay, TerminalSize size) {
}
