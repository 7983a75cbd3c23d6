/**
 * How busy a page's main thread is, read from Chromium's own counters over the DevTools protocol
 * (`Performance.getMetrics`), once a second:
 *
 * - TaskDuration: the wall time the renderer's main thread spent running tasks (script, style,
 *   layout, paint, input, timers). Its growth per second of wall time is the share of each second
 *   in which a keystroke would have had to wait: the figure issue 17 sets a target for.
 * - ThreadTime: the CPU time of that thread. On a loaded machine a task can take longer in wall
 *   time than the CPU it used (the thread waits for a core), so this is the check that a high
 *   busy share is the page's own work and not other processes' load.
 *
 * Counters rather than a trace: reading them costs one small protocol message a second, where
 * tracing the renderer would add work of its own to the thread being measured.
 */
import type { CDPSession, Page } from 'playwright-core'

export interface BusySecond {
  /** Share of the second the main thread was running tasks, 0–1. */
  busy: number
  /** Share of the second the main thread was on a CPU, 0–1. */
  cpu: number
  /** Of the busy share: script, and style plus layout. */
  script: number
  layout: number
}

interface Counters {
  /** When read here (ms, for pacing) and Chromium's own time stamp of the reading (s, for the shares). */
  at: number
  stamp: number
  task: number
  thread: number
  script: number
  layout: number
}

export class MainThreadMeter {
  private constructor(private readonly session: CDPSession) {}

  static async attach(page: Page): Promise<MainThreadMeter> {
    const session = await page.context().newCDPSession(page)
    await session.send('Performance.enable')
    return new MainThreadMeter(session)
  }

  /** Samples every second until `until` settles; returns one entry per whole second. */
  async sample(until: Promise<unknown>): Promise<BusySecond[]> {
    let done = false
    void until.finally(() => (done = true))
    const seconds: BusySecond[] = []
    let before = await this.read()
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, before.at + 1000 - performance.now())))
      if (done) break
      const after = await this.read()
      seconds.push(between(before, after))
      before = after
    }
    return seconds
  }

  private async read(): Promise<Counters> {
    const { metrics } = await this.session.send('Performance.getMetrics')
    const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0
    return {
      at: performance.now(),
      stamp: value('Timestamp'),
      task: value('TaskDuration'),
      thread: value('ThreadTime'),
      script: value('ScriptDuration'),
      layout: value('LayoutDuration') + value('RecalcStyleDuration'),
    }
  }
}

function between(before: Counters, after: Counters): BusySecond {
  const wall = after.stamp - before.stamp
  return {
    busy: (after.task - before.task) / wall,
    cpu: (after.thread - before.thread) / wall,
    script: (after.script - before.script) / wall,
    layout: (after.layout - before.layout) / wall,
  }
}
