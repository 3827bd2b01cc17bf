/**
 * The operator side of nightly runs: listing and inspecting job executions, restart / stop / abandon / recover,
 * the cron-driven {@code schedule} mode, and the Prometheus text file of a run's metrics.
 */
package org.wirearchive.batch.ops;
