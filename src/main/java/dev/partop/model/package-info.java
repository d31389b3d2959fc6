/**
 * The execution models, one class per {@code model:} keyword (sequential, GIL threads, free
 * threads, interpreters, processes, event loop, command), each running a phase's tasks on lanes.
 */
package dev.partop.model;
