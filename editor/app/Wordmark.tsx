/** The Coffeehouse mark: a cup with steam, and the name set in the prose serif. */
export function Wordmark() {
  return (
    <span className="wordmark">
      <svg className="wordmark__cup" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="var(--accent)" />
        <path d="M8 13h13v5a6 6 0 0 1-6 6h-1a6 6 0 0 1-6-6z" fill="var(--paper)" />
        <path d="M21 14h1.5a3 3 0 0 1 0 6H21" fill="none" stroke="var(--paper)" strokeWidth="2" />
        <path
          d="M12 7c-1 1.5 1 2.5 0 4M16 7c-1 1.5 1 2.5 0 4"
          fill="none"
          stroke="var(--paper)"
          strokeWidth="1.6"
          strokeLinecap="round"
        />
      </svg>
      <span className="wordmark__name">Coffeehouse</span>
    </span>
  )
}
