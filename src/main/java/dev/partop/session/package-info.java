/**
 * Runs a scenario: the phase runner, the sampler that assembles a Snapshot every interval,
 * speed-ups against the baseline and partop's own cost; it feeds the sinks and takes their keys.
 */
package dev.partop.session;
