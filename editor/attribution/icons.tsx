/**
 * Icons for the "Show authors" controls, drawn to the same grid as ui/icons.tsx (20 units,
 * 1.6 strokes). Decorative: the controls carry their names in text.
 */
import type { ReactNode } from 'react'

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}

/** Lines of text, one of them marked: whose words are whose. */
export const AuthorsIcon = () => (
  <Icon>
    <path d="M3.5 5h13M3.5 15h8" />
    <rect x="3" y="8" width="10" height="4" rx="1" fill="currentColor" fillOpacity="0.28" stroke="none" />
    <path d="M3.5 10h9M15.5 10h1" />
  </Icon>
)

/** Two people: everyone who wrote here. */
export const ContributorsIcon = () => (
  <Icon>
    <circle cx="7.5" cy="7" r="2.75" />
    <path d="M2.5 16.5a5 5 0 0 1 10 0" />
    <path d="M12.5 4.6a2.6 2.6 0 0 1 0 4.8M14.6 12a4.6 4.6 0 0 1 2.9 4.5" />
  </Icon>
)
