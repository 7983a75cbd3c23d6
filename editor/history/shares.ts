/** People's shares of a change, biggest change first; ties keep the server's order, so the list does not shuffle. */
import type { ChangeShare } from '../http/history'

export function sharesByWeight(shares: readonly ChangeShare[]): ChangeShare[] {
  return shares
    .map((share, index) => ({ share, index }))
    .sort((a, b) => b.share.added + b.share.removed - (a.share.added + a.share.removed) || a.index - b.index)
    .map(({ share }) => share)
}
