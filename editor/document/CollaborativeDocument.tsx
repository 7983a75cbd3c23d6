/**
 * An open document: header with status, sharing, downloads, suggestions, "Show authors",
 * contributors and presence; the toolbar for people who may edit, or a banner for those who may
 * only read; and the text, with the review panel and (while authors are shown) the authors
 * legend beside it.
 */
import { useCallback, useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import { canEdit, canEditDirectly, canManage, mustSuggest } from '../access/roles'
import { AppHeader } from '../app/AppHeader'
import { AuthorLegend } from '../attribution/AuthorLegend'
import { AuthorStatus } from '../attribution/AuthorStatus'
import { AuthorTooltip } from '../attribution/AuthorTooltip'
import { ContributorsLink } from '../attribution/ContributorsLink'
import { ShowAuthorsButton } from '../attribution/ShowAuthorsButton'
import { useAuthorship } from '../attribution/use-authorship'
import { useShowAuthors } from '../attribution/use-show-authors'
import { DecisionsLink } from '../decisions/DecisionsLink'
import { DownloadMenu } from '../download/DownloadMenu'
import { HistoryLink } from '../history/HistoryLink'
import type { DocumentSummary } from '../http/documents'
import type { User } from '../http/users'
import { PresenceBar } from '../presence/PresenceBar'
import { ReviewButton } from '../review/ReviewButton'
import { ReviewPanel } from '../review/ReviewPanel'
import { SuggestionColours } from '../review/SuggestionColours'
import { usePendingSuggestions } from '../review/use-pending-suggestions'
import { useReviewRecords } from '../review/use-review-records'
import { useReviewRevision } from '../review/use-review-revision'
import { ShareButton } from '../share/ShareButton'
import { ModeSwitch, type EditingMode } from '../suggesting/ModeSwitch'
import '../suggesting/suggestions.css'
import { Toolbar } from '../toolbar/Toolbar'
import type { CollabSession } from './collab-session'
import { ConnectionNotice } from './ConnectionNotice'
import { DocumentSheet } from './DocumentSheet'
import { ReadOnlyBanner } from './ReadOnlyBanner'
import { SaveStatus } from './SaveStatus'
import { useConnectionFate } from './use-collab-session'
import { useDocumentEditor } from './use-document-editor'
import { useFindOnLoad } from './use-find-on-load'
import { useLeaveWarning } from './use-leave-warning'
import './document-layout.css'
import './read-only-banner.css'

/** Long enough to read the sentence, short enough not to linger over later edits. */
const REFUSAL_SHOWN_MS = 6000

interface CollaborativeDocumentProps {
  readonly session: CollabSession
  readonly document: DocumentSummary
  readonly user: User | null
  readonly onDocumentChange: (document: DocumentSummary) => void
  readonly onAccessChange: () => void
  /** The server refused this tab's last change (4422) and the document was loaded again. */
  readonly resynced: boolean
  readonly onDismissResync: () => void
}

export function CollaborativeDocument({
  session,
  document,
  user,
  onDocumentChange,
  onAccessChange,
  resynced,
  onDismissResync,
}: CollaborativeDocumentProps) {
  const connection = useConnectionFate(session)
  const [linkFormOpen, setLinkFormOpen] = useState(false)
  const openLinkForm = useCallback(() => setLinkFormOpen(true), [])
  const closeLinkForm = useCallback(() => setLinkFormOpen(false), [])
  const writer = canEdit(document.role)
  // After a final close nothing typed could reach the server, so stop accepting edits.
  const editable = writer && connection.closure === null
  const [chosenMode, setChosenMode] = useState<EditingMode>('editing')
  const mode: EditingMode = mustSuggest(document.role) ? 'suggesting' : chosenMode
  const [refusedChange, setRefusedChange] = useState(false)
  const onRefused = useCallback(() => setRefusedChange(true), [])
  useEffect(() => {
    if (!refusedChange) return
    const timer = setTimeout(() => setRefusedChange(false), REFUSAL_SHOWN_MS)
    return () => clearTimeout(timer)
  }, [refusedChange])
  const editor = useDocumentEditor(session, user, editable, openLinkForm, { on: mode === 'suggesting', onRefused })
  useLeaveWarning(session)

  // The server says this person's role changed (a maintainer acted elsewhere): read it again.
  useEffect(() => {
    if (connection.accessChanges > 0) onAccessChange()
  }, [connection.accessChanges, onAccessChange])

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable)
    // The text is a textbox to screen readers; this tells them it is one that cannot be typed in.
    editor.view.dom.setAttribute('aria-readonly', String(!editable))
  }, [editor, editable])

  const [authorsShown, setAuthorsShown] = useShowAuthors()
  const authorship = useAuthorship(editor, session.doc, document.id, user, authorsShown, editable)

  const [searchParams] = useSearchParams()
  const focusSuggestion = searchParams.get('suggestion')
  useFindOnLoad(editor, searchParams.get('find'))
  const pending = usePendingSuggestions(editor)
  const reviewRevision = useReviewRevision(session.provider.awareness)
  const review = useReviewRecords(document.id, `${reviewRevision} ${pending.map((suggestion) => suggestion.id).join(' ')}`)
  // Open while suggestions are waiting, until the person chooses for themselves.
  const [reviewChoice, setReviewChoice] = useState<boolean | null>(null)
  const reviewOpen = reviewChoice ?? (pending.length > 0 || focusSuggestion !== null)

  return (
    <div className="document-layout">
      <AppHeader title={document.title} status={<SaveStatus session={session} reading={!writer} />}>
        {canManage(document.role) && (
          <ShareButton document={document} onDocumentChange={onDocumentChange} onAccessChange={onAccessChange} />
        )}
        <DownloadMenu documentId={document.id} />
        <ReviewButton open={reviewOpen} count={pending.length} onChange={setReviewChoice} />
        <ShowAuthorsButton shown={authorsShown} onChange={setAuthorsShown} />
        <ContributorsLink documentId={document.id} />
        <DecisionsLink documentId={document.id} />
        <HistoryLink documentId={document.id} />
        <PresenceBar awareness={session.provider.awareness} />
      </AppHeader>
      {writer ? (
        <div className="document-controls">
          <ModeSwitch mode={mode} onChange={canEditDirectly(document.role) ? setChosenMode : null} refusedChange={refusedChange} />
          <Toolbar editor={editor} onOpenLinkForm={openLinkForm} />
          {authorship && editable && <AuthorStatus editor={editor} />}
        </div>
      ) : (
        <ReadOnlyBanner documentId={document.id} signedIn={user !== null} />
      )}
      {resynced && (
        <div className="connection-notice" role="alert" data-testid="resync-notice">
          <p>
            <strong>Your last change was not accepted.</strong> You can only suggest changes to this document, and the
            server received one that was not a suggestion. The document was loaded again from the server.
          </p>
          <button type="button" className="button" onClick={onDismissResync}>
            OK
          </button>
        </div>
      )}
      {connection.closure && <ConnectionNotice closure={connection.closure} documentId={document.id} signedIn={user !== null} />}
      <DocumentSheet
        editor={editor}
        linkFormOpen={linkFormOpen}
        onOpenLinkForm={openLinkForm}
        onCloseLinkForm={closeLinkForm}
        aside={
          (reviewOpen || authorship) && (
            <>
              {reviewOpen && (
                <ReviewPanel editor={editor} documentId={document.id} role={document.role} user={user} pending={pending} review={review} focusId={focusSuggestion} />
              )}
              {authorship && <AuthorLegend snapshot={authorship.snapshot} onRetry={authorship.retry} />}
            </>
          )
        }
      />
      <SuggestionColours people={review.people} />
      {authorship && <AuthorTooltip editor={editor} />}
    </div>
  )
}
