/**
 * What sending one frame to every member of a room costs, and so how far apart a room's
 * flushes must be. Profiled with bench/authors.ts on a 2-core VM: a websocket send is one write
 * system call, 10 to 20 µs of server CPU whatever its size, so a room of 400 connections spends
 * 4 to 8 ms on each flush. Flushes spaced 40 µs per member apart keep the fan-out of one
 * room's changes under about half a core however many are connected; with a few dozen members
 * that spacing is under 2 ms, which nobody sees.
 */
export const RELAY_GAP_PER_MEMBER_MS = 0.04
/** The most a change waits for the room's previous flush: far below what the 1,000-reader target allows (100 ms). */
export const MOST_RELAY_GAP_MS = 60

/** The gap after relaying changes to `members` connections. */
export function relayGap(members: number): number {
  return Math.min(MOST_RELAY_GAP_MS, members * RELAY_GAP_PER_MEMBER_MS)
}

/** 50 ms: below what people notice of a caret's lag, and at most 20 presence frames a second per client. */
export const PRESENCE_INTERVAL_MS = 50
/** Presence is sent less often than changes: a caret a moment late costs nobody anything. */
export const PRESENCE_GAP_PER_MEMBER_MS = 0.1
/**
 * 16 MiB a second of presence per room at most. With 200 people typing, every caret moves within
 * any interval, and a frame of 200 carets (about 50 KB) to 400 connections is 20 MB: sent every
 * 50 ms that would be 400 MB a second, for carets nobody can follow at that pace anyway.
 */
export const PRESENCE_BYTES_PER_SECOND = 16 * 1024 * 1024
/** However busy the room, carets move at least every 2 s. */
export const MOST_PRESENCE_GAP_MS = 2_000

/** The gap after sending a presence frame of `frameBytes` to `members` connections. */
export function presenceGap(members: number, frameBytes: number): number {
  const byBytes = ((frameBytes * members) / PRESENCE_BYTES_PER_SECOND) * 1000
  return Math.min(MOST_PRESENCE_GAP_MS, Math.max(PRESENCE_INTERVAL_MS, members * PRESENCE_GAP_PER_MEMBER_MS, byBytes))
}
