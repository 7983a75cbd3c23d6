/**
 * A client that times every edit without applying it. It reads each update's metadata
 * (Y.parseUpdateMeta: per Yjs client, the clocks it covers) and notes when each author's clock
 * advanced. An author's keystroke with clock c has arrived once the probe has seen that author's
 * clock reach c (authors' updates are relayed in order, so the first such arrival is the one).
 */
import * as Y from 'yjs'
import { LightSocket } from './light-socket'
import { machineNow } from './machine-clock'

/** Per author's client id: the clocks reached, in order, and when. */
export type Arrivals = Record<number, { clocks: number[]; at: number[] }>

export class EditProbe {
  private readonly arrivals: Arrivals = {}
  private readonly reached = new Map<number, number>()
  private readonly socket: LightSocket
  private awaited: { finals: Map<number, number>; resolve: () => void } | null = null

  constructor(url: string) {
    this.socket = new LightSocket({ url, doc: new Y.Doc(), onUpdate: (update) => this.arrived(update) })
  }

  ready(): Promise<void> {
    return this.socket.ready()
  }

  /** Resolves once every author's clock has reached its final value, or at the deadline. */
  holds(finals: Map<number, number>, deadline: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, deadline - machineNow()))
      this.awaited = {
        finals,
        resolve: () => {
          clearTimeout(timer)
          resolve()
        },
      }
      this.checkAwaited()
    })
  }

  get closed(): Promise<unknown> {
    return this.socket.closed
  }

  report(): Arrivals {
    return this.arrivals
  }

  close(): void {
    this.socket.close()
  }

  private arrived(update: Uint8Array): void {
    const at = machineNow()
    for (const [client, clock] of Y.parseUpdateMeta(update).to) {
      if (clock <= (this.reached.get(client) ?? 0)) continue
      this.reached.set(client, clock)
      const list = (this.arrivals[client] ??= { clocks: [], at: [] })
      list.clocks.push(clock)
      list.at.push(at)
    }
    this.checkAwaited()
  }

  private checkAwaited(): void {
    if (!this.awaited) return
    for (const [client, clock] of this.awaited.finals) if ((this.reached.get(client) ?? 0) < clock) return
    this.awaited.resolve()
    this.awaited = null
  }
}
