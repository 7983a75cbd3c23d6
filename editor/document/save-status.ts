/** The three states of the save indicator, and their words (the same as Google Docs uses). */
export type SaveState = 'offline' | 'saving' | 'saved'

export function saveState(connected: boolean, hasUnsavedChanges: boolean): SaveState {
  if (!connected) return 'offline'
  return hasUnsavedChanges ? 'saving' : 'saved'
}

export const SAVE_STATUS_TEXT: Readonly<Record<SaveState, string>> = {
  offline: 'Offline — your edits will sync when you reconnect',
  saving: 'Saving…',
  saved: 'All changes saved',
}

/** For people who may only read there is nothing to save; the status says whether the text is live. */
export function readingStatusText(state: SaveState): string {
  return state === 'offline' ? 'Offline — reconnecting…' : 'Read only'
}
