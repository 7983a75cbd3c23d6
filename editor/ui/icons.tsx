/**
 * Icons for the toolbar and header controls, drawn for Coffeehouse on a 20-unit grid with
 * 1.6 strokes, so they sit at the same optical weight as 14px UI text. Decorative: buttons
 * carry the accessible name.
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

export const UndoIcon = () => (
  <Icon>
    <path d="M7.5 4.5 4 8l3.5 3.5" />
    <path d="M4.5 8h7a4 4 0 0 1 0 8H9" />
  </Icon>
)

export const RedoIcon = () => (
  <Icon>
    <path d="M12.5 4.5 16 8l-3.5 3.5" />
    <path d="M15.5 8h-7a4 4 0 0 0 0 8H11" />
  </Icon>
)

export const ParagraphIcon = () => (
  <Icon>
    <path d="M11 4v12M14.5 4v12" />
    <path d="M16 4H8.75a3.25 3.25 0 0 0 0 6.5H11" />
  </Icon>
)

export const BoldIcon = () => (
  <Icon>
    <path strokeWidth="2.1" d="M6 4h5a3 3 0 0 1 0 6H6zM6 10h6a3 3 0 0 1 0 6H6z" />
  </Icon>
)

export const ItalicIcon = () => (
  <Icon>
    <path d="M9 4h6M5 16h6M12 4 8 16" />
  </Icon>
)

export const BulletListIcon = () => (
  <Icon>
    <path d="M8 5.5h8.5M8 10h8.5M8 14.5h8.5" />
    <circle cx="4" cy="5.5" r="0.9" fill="currentColor" stroke="none" />
    <circle cx="4" cy="10" r="0.9" fill="currentColor" stroke="none" />
    <circle cx="4" cy="14.5" r="0.9" fill="currentColor" stroke="none" />
  </Icon>
)

export const NumberedListIcon = () => (
  <Icon>
    <path d="M8.5 5.5h8M8.5 10h8M8.5 14.5h8" />
    <path strokeWidth="1.3" d="M3.2 4.3 4.4 3.6v4" />
    <path strokeWidth="1.3" d="M3.1 12.6c.3-.6.8-.9 1.4-.9.7 0 1.2.4 1.2 1 0 .8-1 1.3-2.6 3h2.7" />
  </Icon>
)

export const QuoteIcon = () => (
  <Icon>
    <path d="M4 4.5v11" />
    <path d="M8 7h8M8 10.5h8M8 14h5" />
  </Icon>
)

export const LinkIcon = () => (
  <Icon>
    <path d="M8.5 11.5a3.2 3.2 0 0 0 4.6 0l2.6-2.6a3.2 3.2 0 0 0-4.6-4.6l-1 1" />
    <path d="M11.5 8.5a3.2 3.2 0 0 0-4.6 0l-2.6 2.6a3.2 3.2 0 0 0 4.6 4.6l1-1" />
  </Icon>
)

export const ExternalIcon = () => (
  <Icon>
    <path d="M11 4h5v5M16 4l-7 7" />
    <path d="M14 11.5V15a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h3.5" />
  </Icon>
)

export const DownloadIcon = () => (
  <Icon>
    <path d="M10 3.5v9M6.5 9l3.5 3.5L13.5 9" />
    <path d="M4 13.5v1.5a1.5 1.5 0 0 0 1.5 1.5h9a1.5 1.5 0 0 0 1.5-1.5v-1.5" />
  </Icon>
)

export const ChevronDownIcon = () => (
  <Icon>
    <path d="m6 8 4 4 4-4" />
  </Icon>
)

export const CloseIcon = () => (
  <Icon>
    <path d="M5.5 5.5l9 9M14.5 5.5l-9 9" />
  </Icon>
)

/** A person with a plus: sharing here means letting people in. */
export const ShareIcon = () => (
  <Icon>
    <circle cx="8" cy="7" r="3" />
    <path d="M2.5 16.5a5.5 5.5 0 0 1 11 0" />
    <path d="M15.5 6.5v5M13 9h5" />
  </Icon>
)

export const CopyIcon = () => (
  <Icon>
    <rect x="7" y="7" width="9.5" height="9.5" rx="1.5" />
    <path d="M13 4.5V4.5A1.5 1.5 0 0 0 11.5 3h-7A1.5 1.5 0 0 0 3 4.5v7A1.5 1.5 0 0 0 4.5 13" />
  </Icon>
)

export const CheckIcon = () => (
  <Icon>
    <path d="m4.5 10.5 3.5 3.5 7.5-8" />
  </Icon>
)

export const LockIcon = () => (
  <Icon>
    <rect x="4.5" y="9" width="11" height="8" rx="1.5" />
    <path d="M7 9V6.5a3 3 0 0 1 6 0V9" />
  </Icon>
)

export const EyeIcon = () => (
  <Icon>
    <path d="M2.5 10s2.75-5 7.5-5 7.5 5 7.5 5-2.75 5-7.5 5-7.5-5-7.5-5Z" />
    <circle cx="10" cy="10" r="2.25" />
  </Icon>
)

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

/** A speech bubble with a pencil stroke: suggestions waiting for review. */
export const ReviewIcon = () => (
  <Icon>
    <path d="M4 4.5h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H9l-3.5 3v-3H4a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1Z" />
    <path d="m7.5 11 .5-2 3.5-3.5 1.5 1.5L9.5 10.5Z" />
  </Icon>
)

/** A list with ticks: what was decided, one line each. */
export const DecisionsIcon = () => (
  <Icon>
    <path d="m3.5 5.5 1.5 1.5 2.5-3" />
    <path d="m3.5 12.5 1.5 1.5 2.5-3" />
    <path d="M10.5 5.5h6M10.5 12.5h6" />
  </Icon>
)

/** The feed symbol: a dot and two arcs, as feed readers draw it. */
export const FeedIcon = () => (
  <Icon>
    <circle cx="5" cy="15" r="1.2" fill="currentColor" stroke="none" />
    <path d="M4 9.5a6.5 6.5 0 0 1 6.5 6.5" />
    <path d="M4 4a12 12 0 0 1 12 12" />
  </Icon>
)

/** A clock with an arrow turning back: the document's history. */
export const HistoryIcon = () => (
  <Icon>
    <path d="M3.5 10a6.5 6.5 0 1 0 1.9-4.6" />
    <path d="M3.5 3.5v3h3" />
    <path d="M10 6.5V10l2.5 1.5" />
  </Icon>
)
