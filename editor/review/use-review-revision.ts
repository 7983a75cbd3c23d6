/**
 * The server's review revision (docs/PROTOCOL.md, presence): a new value each time a decision,
 * reason or reply is recorded, so every open review panel knows to read the record again.
 */
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'

export function useReviewRevision(awareness: Awareness): string {
  const [revision, setRevision] = useState(() => readRevision(awareness))
  useEffect(() => {
    const onChange = () => setRevision(readRevision(awareness))
    awareness.on('change', onChange)
    return () => awareness.off('change', onChange)
  }, [awareness])
  return revision
}

function readRevision(awareness: Awareness): string {
  for (const state of awareness.getStates().values()) {
    const review: unknown = state.review
    if (typeof review === 'object' && review !== null && typeof (review as { revision?: unknown }).revision === 'string') {
      return (review as { revision: string }).revision
    }
  }
  return ''
}
