/**
 * The shape shared by "Show authors" and "Contributors" in the document header: an icon and
 * a label. Where the header is crowded (below COMPACT_QUERY) the label is read by screen
 * readers only, and shown as a tooltip on hover and keyboard focus instead.
 */
import type { ReactNode } from 'react'
import { useTooltip } from '../ui/Tooltip'
import { useMediaQuery } from '../ui/use-media-query'
import './authors.css'

/** Below this width the title, Share, Download, Suggestions, Show authors, Contributors, Decisions, History and the presence bar do not all fit with labels (authors.css agrees). */
const COMPACT_QUERY = '(max-width: 1639px)'

export function useHeaderControl(label: string, icon: ReactNode) {
  const compact = useMediaQuery(COMPACT_QUERY)
  const { triggerProps, tooltip } = useTooltip(label)
  return {
    triggerProps: compact ? triggerProps : {},
    content: (
      <>
        {icon}
        <span className="header-control__label">{label}</span>
      </>
    ),
    tooltip: compact ? tooltip : null,
  }
}
