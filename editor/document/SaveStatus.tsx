/**
 * "Saving…", "All changes saved" or "Offline — …", under the document title; for people who
 * may only read, "Read only" or "Offline — reconnecting…".
 *
 * Only going offline is announced to screen readers: announcing every save would talk over
 * the person while they type.
 */
import { readingStatusText, SAVE_STATUS_TEXT, type SaveState } from './save-status'
import type { CollabSession } from './collab-session'
import { useConnectionView } from './use-collab-session'
import './save-status.css'

function StatusIcon({ state }: { state: SaveState }) {
  return (
    <svg className="save-status__icon" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor"
      strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M4.5 12.5h7a3 3 0 0 0 .4-6A4 4 0 0 0 4.2 7a2.75 2.75 0 0 0 .3 5.5Z" />
      {state === 'saved' && <path d="m6 9.2 1.5 1.4L10.2 8" />}
      {state === 'offline' && <path d="M2.5 2.5l11 11" />}
      {state === 'saving' && <path className="save-status__arrow" d="M8 11V7.6M6.6 9 8 7.6 9.4 9" />}
    </svg>
  )
}

interface SaveStatusProps {
  readonly session: CollabSession
  /** The caller may not edit: there is nothing of theirs to save. */
  readonly reading?: boolean
}

function ReadingIcon() {
  return (
    <svg className="save-status__icon" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor"
      strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M1.75 8S4 4 8 4s6.25 4 6.25 4S12 12 8 12 1.75 8 1.75 8Z" />
      <circle cx="8" cy="8" r="1.75" />
    </svg>
  )
}

export function SaveStatus({ session, reading = false }: SaveStatusProps) {
  const { saveState, hasConnected, closure } = useConnectionView(session)
  const text = reading ? readingStatusText(saveState) : SAVE_STATUS_TEXT[saveState]
  // Before the first connection "Offline" would be a false alarm during an ordinary page load;
  // the class fades it in only if the handshake takes noticeably long.
  const quiet = !hasConnected && saveState === 'offline'
  if (closure) {
    // "…will sync when you reconnect" would be untrue: the server ended the connection for good.
    // The notice under the toolbar explains; the usual status stays in the DOM for tools, hidden.
    return (
      <p className="save-status save-status--offline">
        <StatusIcon state="offline" />
        <span>Not syncing</span>
        <span data-testid="save-status" data-state={saveState} hidden>
          {text}
        </span>
      </p>
    )
  }
  return (
    <p className={`save-status save-status--${saveState}${quiet ? ' save-status--quiet' : ''}`}>
      {reading && saveState !== 'offline' ? <ReadingIcon /> : <StatusIcon state={saveState} />}
      <span data-testid="save-status" data-state={saveState}>
        {text}
      </span>
      <span className="visually-hidden" role="status">
        {saveState === 'offline' && hasConnected ? text : ''}
      </span>
    </p>
  )
}
