/**
 * The interpreter locks: a port of CPython's {@code ceval_gil.c} (new and legacy policies) and
 * the critical-section lock, with the counters and holder timeline they report.
 */
package dev.partop.model.lock;
