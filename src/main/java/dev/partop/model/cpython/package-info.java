/**
 * {@code runtime: cpython}: the phase's workload run by the real interpreter through partop's
 * Python agent (a resource of this jar, written to a cache directory), the interpreters probed
 * and calibrated, and the agent's reports turned into lanes; the agent exits when its stdin
 * closes.
 */
package dev.partop.model.cpython;
