/** What the benchmark and the probe inside a server under test (probe.ts) say to each other. */

export interface ProbeRequest {
  id: number
  /** 'start-loop-monitor' starts measuring event-loop delay afresh; 'sample' only reads. */
  kind: 'sample' | 'start-loop-monitor'
  /** Collect garbage first, so that heap and RSS show what is still in use. */
  collectGarbage?: boolean
}

export interface ProbeResponse {
  id: number
  rssBytes: number
  /**
   * Resident memory of V8's young generation, which V8 grows and shrinks with the allocation rate
   * (by megabytes at a time) whatever the process holds.
   */
  youngGenerationBytes: number
  heapUsedBytes: number
  /** Memory outside the V8 heap: buffers and typed arrays, such as Yjs updates. */
  externalBytes: number
  /** Bytes written to files since the process started. */
  bytesWritten: number
  /** Event-loop delay since the monitor last started, or null if it never did. */
  loopDelayMs: { p50: number; p99: number; max: number } | null
}
