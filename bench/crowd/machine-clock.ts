/**
 * One clock for every process of a benchmark: the machine's monotonic clock (CLOCK_MONOTONIC,
 * through process.hrtime), in milliseconds, which every process on the machine reads alike.
 * performance.now starts at zero in each process, and performance.timeOrigin (each process's
 * start, read from the system clock) differed between processes by more than a keystroke takes
 * to cross an idle server: the crowd harness's test saw keystrokes arrive before they were sent.
 */
export const machineNow = (): number => Number(process.hrtime.bigint()) / 1e6
