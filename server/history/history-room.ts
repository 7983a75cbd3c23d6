/** What history needs of a loaded document: its Y.Doc, who wrote what in it, and its presence. */
import type * as Y from 'yjs'
import type { AttributionIndex } from '../attribution/attribution-index'

export interface HistoryRoom {
  readonly doc: Y.Doc
  readonly attribution: AttributionIndex
  /** Tells open editors about a new version (docs/PROTOCOL.md); absent while nobody has it open. */
  setServerPresence?(field: string, value: unknown): void
}

/** A room that can also say when its changes are on disk (server/collab/room.ts). */
export interface SettlingRoom extends HistoryRoom {
  settle(): Promise<void>
}
