/** What the crowd's coordinator (crowd.ts) and its client processes (client-process.ts) say to each other over IPC. */
import type { AuthorLog, AuthorPlan } from './light-author'
import type { Arrivals } from './edit-probe'

export interface ClientPlan {
  /** The servers' websocket addresses; authors, readers and probes each say which one they use. */
  collabUrls: string[]
  documentId: string
  /** The document as it was set up: each author starts from it. */
  base: Uint8Array
  authors: AuthorPlan[]
  /** For each reader, the server it reads through (an index into collabUrls). */
  readerNodes: number[]
  /** For each probe, the server it listens through. */
  probeNodes: number[]
  editsPerSecond: number
  edits: number
  /** Authors also publish their caret after each keystroke, as the editor does. */
  carets: boolean
}

export type ToClients =
  | { type: 'plan'; plan: ClientPlan }
  /** Type from `at` (machineNow); this process's author k starts `phases[k]` ms into the first interval. */
  | { type: 'start'; at: number; phases: number[] }
  /** Wait until the probes hold every author's final clock, or until `deadline` (machineNow). */
  | { type: 'await'; finals: Array<[number, number]>; deadline: number }
  | { type: 'stop' }

export type FromClients =
  | { type: 'ready' }
  | { type: 'typed'; authors: AuthorLog[]; cpuSeconds: number; seconds: number }
  | { type: 'arrived'; probes: Arrivals[]; readerBytes: number; readerFrames: number; closed: number }
  | { type: 'failed'; message: string }
