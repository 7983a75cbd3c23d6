/**
 * One clock for every process of a benchmark: the time origin of each process is taken from
 * the system clock at its start, with sub-millisecond precision, so the same instant reads the
 * same in an author's process and in a probe's. performance.now alone starts at zero in each.
 */
export const wallNow = (): number => performance.timeOrigin + performance.now()
