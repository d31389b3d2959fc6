/**
 * The command line (picocli): {@code partop [run]}, {@code list}, {@code validate}, {@code replay},
 * {@code report}; it wires a scenario, a core source and the consumers into a session, and turns every
 * user error into one line and exit code 2.
 */
package dev.partop.cli;
