/**
 * How far apart a room's flushes must be, from what the last one cost. Sending a frame to every
 * member is one write system call per connection: profiled with bench/authors.ts and
 * bench/readers.ts on a 2-core VM, 11 µs of CPU and about 36 µs of wall time each (the rest is
 * the kernel handing the bytes over and waking the receiver), so a room of 1,000 connections
 * spends 35 ms on every flush, and a server that flushed as often as changes arrive would do
 * nothing else. Each flush is therefore followed by a gap half as long again as the flush took:
 * fan-out takes at most 40% of the server's time however many are connected, and a faster
 * machine, or a smaller room, gets shorter gaps by itself. With 200 authors and as many readers,
 * 1.5 gave a p99 of 44–46 ms where 1 gave 45–55 ms, 0.5 48–55 ms (the fan-out's own CPU crowding
 * out the rest) and 2 70–74 ms (changes waiting for the gap); bench/authors.ts. With a few dozen members the gap is
 * well under a millisecond, which nobody sees.
 */

/** The gap after a flush, as a multiple of how long it took (measured: see above). */
export const RELAY_GAP_RATIO = 1.5
/** The most a change waits for the room's previous flush, however slow that was. */
export const MOST_RELAY_GAP_MS = 50

/** The gap after relaying changes, given how long the flush took (ms). */
export function relayGap(flushMs: number): number {
  return Math.min(MOST_RELAY_GAP_MS, flushMs * RELAY_GAP_RATIO)
}

/** 50 ms: below what people notice of a caret's lag, and at most 20 presence frames a second per client. */
export const PRESENCE_INTERVAL_MS = 50
/** Presence takes at most a fifth of the server's time: a caret a moment late costs nobody anything. */
export const PRESENCE_GAP_RATIO = 4
/**
 * 16 MiB a second of presence per room at most. With 200 people typing, every caret moves within
 * any interval, and a frame of 200 carets (about 50 KB) to 400 connections is 20 MB: sent every
 * 50 ms that would be 400 MB a second, and 1 MB a second to each person's browser, for carets
 * nobody can follow at that pace anyway.
 */
export const PRESENCE_BYTES_PER_SECOND = 16 * 1024 * 1024
/** However busy the room, carets move at least every 2 s. */
export const MOST_PRESENCE_GAP_MS = 2_000

/** The gap after sending a presence frame of `frameBytes` to `members` connections, which took `flushMs`. */
export function presenceGap(flushMs: number, members: number, frameBytes: number): number {
  const byBytes = ((frameBytes * members) / PRESENCE_BYTES_PER_SECOND) * 1000
  return Math.min(MOST_PRESENCE_GAP_MS, Math.max(PRESENCE_INTERVAL_MS, flushMs * PRESENCE_GAP_RATIO, byBytes))
}
