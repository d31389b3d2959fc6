/**
 * Worker processes: the child JVM's entry point ({@code WorkerMain}) and the frame protocol
 * over its pipes; a worker exits when its stdin closes.
 */
package dev.partop.model.worker;
