/**
 * A clock with an arrow turning back: the History link's icon, drawn on the same 20-unit grid and
 * 1.6 stroke as editor/ui/icons.tsx (whose frame is private to that file). Decorative: the link
 * carries the name.
 */
export function HistoryIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6"
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M3.5 10a6.5 6.5 0 1 0 1.9-4.6" />
      <path d="M3.5 3.5v3h3" />
      <path d="M10 6.5V10l2.5 1.5" />
    </svg>
  )
}
