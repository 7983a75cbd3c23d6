/**
 * One clock for every process of a benchmark: the machine's monotonic clock (CLOCK_MONOTONIC,
 * through process.hrtime), in milliseconds, which every process on the machine reads alike.
 * performance.now starts at zero in each process, and performance.timeOrigin is each process's
 * start as read from the system clock, which may step between two processes' starts.
 */
export const machineNow = (): number => Number(process.hrtime.bigint()) / 1e6
