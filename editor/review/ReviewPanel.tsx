/**
 * The review panel: every pending suggestion, live, filterable by author and by section, with
 * competing suggestions side by side. Maintainers accept or reject one at a time, all by one
 * author, or all within the selected text; authors explain and withdraw their own; anyone who
 * may contribute replies. Everyone who can read the document can read the panel.
 */
import type { Editor } from '@tiptap/core'
import { useEffect, useId, useMemo, useState } from 'react'
import { canEdit, canManage } from '../access/roles'
import type { DocumentRole } from '../http/documents'
import * as api from '../http/suggestions'
import type { User } from '../http/users'
import type { SuggestionSummary } from '../../model/schema/suggestion-list'
import { BulkDecisions } from './BulkDecisions'
import { SuggestionCard, type CardActions } from './SuggestionCard'
import { competingGroups, matches, NO_FILTER, sectionsOf, type ReviewFilter } from './suggestion-groups'
import type { ReviewRecords } from './use-review-records'
import './review-panel.css'

interface ReviewPanelProps {
  readonly editor: Editor
  readonly documentId: string
  readonly role: DocumentRole
  readonly user: User | null
  readonly pending: readonly SuggestionSummary[]
  readonly review: ReviewRecords
  /** A suggestion to bring into view when the panel opens (from a link). */
  readonly focusId: string | null
}

export function ReviewPanel({ editor, documentId, role, user, pending, review, focusId }: ReviewPanelProps) {
  const [filter, setFilter] = useState<ReviewFilter>(NO_FILTER)
  const headingId = useId()
  const groups = useMemo(() => competingGroups(pending, filter), [pending, filter])
  const authors = useMemo(() => [...new Set(pending.map((suggestion) => suggestion.author))], [pending])
  const sections = useMemo(() => sectionsOf(pending), [pending])
  const shown = pending.filter((suggestion) => matches(suggestion, filter))
  const nameOf = (id: string) => review.people[id]?.displayName ?? 'Someone'

  const actions: CardActions = useMemo(() => {
    const then = (request: Promise<void>) => request.finally(review.refresh)
    return {
      show: (suggestion) => editor.chain().focus().setTextSelection({ from: suggestion.from, to: suggestion.to }).scrollIntoView().run(),
      decide: (id, verdict, reason) => then(api.decide(documentId, id, verdict, reason)),
      withdraw: (id) => then(api.withdraw(documentId, id)),
      explain: (id, text) => then(api.explain(documentId, id, text)),
      reply: (id, text) => then(api.reply(documentId, id, text)),
    }
  }, [editor, documentId, review.refresh])

  useEffect(() => {
    if (!focusId) return
    const target = pending.find((suggestion) => suggestion.id === focusId)
    if (target) document.querySelector(`[data-suggestion-id="${CSS.escape(focusId)}"]`)?.scrollIntoView({ block: 'center' })
  }, [focusId, pending])

  return (
    <aside className="review-panel" aria-labelledby={headingId} data-testid="review-panel">
      <h2 id={headingId} className="review-panel__heading">
        Suggestions <span className="review-panel__count">{pending.length}</span>
      </h2>
      {pending.length === 0 ? (
        <p className="review-panel__note">No suggestions are waiting. {canEdit(role) ? 'Switch to Suggesting to propose a change.' : ''}</p>
      ) : (
        <div className="review-panel__filters">
          <label>
            <span className="field-label">Author</span>
            <select value={filter.author ?? ''} onChange={(event) => setFilter({ ...filter, author: event.target.value || null })}>
              <option value="">Everyone</option>
              {authors.map((id) => (
                <option key={id} value={id}>
                  {nameOf(id)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="field-label">Section</span>
            <select
              value={filter.section === undefined ? '' : sections.indexOf(filter.section).toString()}
              onChange={(event) => setFilter({ ...filter, section: event.target.value === '' ? undefined : sections[Number(event.target.value)] })}
            >
              <option value="">All sections</option>
              {sections.map((section, index) => (
                <option key={section ?? ''} value={index}>
                  {section ?? 'Opening'}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {canManage(role) && pending.length > 0 && (
        <BulkDecisions editor={editor} documentId={documentId} pending={pending} shown={shown} filter={filter} nameOf={nameOf} onDone={review.refresh} />
      )}
      {review.error && <p className="review-panel__note" role="alert">{review.error}</p>}
      <ol className="review-panel__groups">
        {groups.map((group) => (
          <li key={group[0]!.id} className={group.length > 1 ? 'review-panel__group review-panel__group--competing' : 'review-panel__group'}>
            {group.length > 1 && <p className="review-panel__competing-note">{group.length} suggestions for the same text: accepting one supersedes the others.</p>}
            <div className="review-panel__cards">
              {group.map((suggestion) => (
                <SuggestionCard
                  key={suggestion.id}
                  suggestion={suggestion}
                  record={review.records.get(suggestion.id)}
                  people={review.people}
                  permissions={{ decide: canManage(role), reply: user !== null && canEdit(role), me: user?.id ?? null }}
                  actions={actions}
                  focused={suggestion.id === focusId}
                />
              ))}
            </div>
          </li>
        ))}
      </ol>
    </aside>
  )
}
