/**
 * Compare any two versions: one select for where to start, one for where to end, newest first.
 * The end may be the current text, and for someone who has been here before the start may be
 * their last visit.
 */
import { type FormEvent, useId, useState } from 'react'
import { useNavigate } from 'react-router'
import { CURRENT, LAST_VISIT, type VersionSummary } from '../http/history'
import { comparePath } from './paths'
import { versionMoment } from './version-labels'

interface CompareFormProps {
  readonly documentId: string
  readonly versions: readonly VersionSummary[]
  readonly hasLastVisit: boolean
  readonly from: string
  readonly to: string
  readonly now: Date
}

function optionLabel(version: VersionSummary, now: Date): string {
  return `#${version.number}${version.name ? ` “${version.name}”` : ''} · ${versionMoment(version.at, now)}`
}

export function CompareForm({ documentId, versions, hasLastVisit, from: initialFrom, to: initialTo, now }: CompareFormProps) {
  const navigate = useNavigate()
  const [from, setFrom] = useState(initialFrom)
  const [to, setTo] = useState(initialTo)
  const id = useId()
  const newestFirst = [...versions].reverse()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void navigate(comparePath(documentId, from, to))
  }
  return (
    <form className="compare-form" onSubmit={submit} data-testid="compare-form">
      <div className="compare-form__field">
        <label className="field-label" htmlFor={`${id}-from`}>From</label>
        <select id={`${id}-from`} className="input" value={from} onChange={(event) => setFrom(event.target.value)}
          data-testid="compare-from">
          {hasLastVisit && <option value={LAST_VISIT}>Your last visit</option>}
          {newestFirst.map((version) => (
            <option key={version.id} value={version.id}>{optionLabel(version, now)}</option>
          ))}
        </select>
      </div>
      <div className="compare-form__field">
        <label className="field-label" htmlFor={`${id}-to`}>To</label>
        <select id={`${id}-to`} className="input" value={to} onChange={(event) => setTo(event.target.value)} data-testid="compare-to">
          <option value={CURRENT}>The current text</option>
          {newestFirst.map((version) => (
            <option key={version.id} value={version.id}>{optionLabel(version, now)}</option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={from === to} data-testid="compare-submit">
        Compare
      </button>
    </form>
  )
}
