/**
 * Scenario files: the YAML loader with line:column errors and suggestions, the records it
 * produces (scenario, phase, workload) and the built-in scenarios. Knows no model.
 */
package dev.partop.scenario;
