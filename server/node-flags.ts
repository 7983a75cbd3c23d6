/**
 * The flags Node runs the server with: `npm start` passes them (package.json), and so do the
 * benchmarks (bench/support/processes.ts), so that what is measured is what people run.
 *
 * --max-semi-space-size=32 (MiB; Node 20's default is 16): the server makes tens of kilobytes
 * of short-lived objects per keystroke (Yjs's transactions, the check's decoded structs, the
 * frames it sends), and with the default young generation a third of its CPU under heavy typing
 * went to scavenges, which also promoted records still waiting for the disk. A larger one is
 * collected less often for the same work: the throughput benchmark's server CPU fell from
 * 12.7–12.9 s to 10.2–10.7 s (docs/benchmarks.md, throughput). It costs at most 3 × 16 MiB more
 * memory, reserved only as the young generation grows.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32']
