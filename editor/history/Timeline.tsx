/**
 * The timeline, after Etherpad's timeslider: a slider over the versions, oldest at the left, one
 * step each, with the named versions marked on its track (a click on a mark goes there). Dragging
 * it chooses the version whose text the page shows below.
 */
import { type CSSProperties, useId } from 'react'
import type { VersionSummary } from '../http/history'
import { namedMarks } from './timeline'
import { versionMoment } from './version-labels'

interface TimelineProps {
  readonly versions: readonly VersionSummary[]
  readonly chosen: number
  readonly onChoose: (index: number) => void
  readonly now: Date
}

export function Timeline({ versions, chosen, onChoose, now }: TimelineProps) {
  const labelId = useId()
  const version = versions[chosen]
  const oldest = versions[0]
  const newest = versions[versions.length - 1]
  if (!version || !oldest || !newest) return null
  const valueText = `Version ${version.number}${version.name ? `, “${version.name}”` : ''}, ${versionMoment(version.at, now)}`
  return (
    <div className="timeline">
      <label id={labelId} className="field-label timeline__label" htmlFor={`${labelId}-slider`}>
        Timeline of versions
      </label>
      <div className="timeline__track">
        <input id={`${labelId}-slider`} className="timeline__slider" type="range" min={0} max={versions.length - 1} step={1}
          value={chosen} onChange={(event) => onChoose(Number(event.target.value))} aria-valuetext={valueText}
          disabled={versions.length < 2} data-testid="timeline" />
        <ol className="timeline__marks" aria-label="Named versions">
          {namedMarks(versions).map((mark) => (
            <li key={mark.version.id} className="timeline__mark" style={{ '--at': mark.fraction } as CSSProperties}>
              <button type="button" className="timeline__mark-button" title={mark.version.name ?? ''}
                aria-label={`Go to version ${mark.version.number}, “${mark.version.name}”`} aria-pressed={mark.index === chosen}
                onClick={() => onChoose(mark.index)} data-testid="timeline-mark" />
            </li>
          ))}
        </ol>
      </div>
      <div className="timeline__ends" aria-hidden="true">
        <span>{versionMoment(oldest.at, now)}</span>
        <span>{versionMoment(newest.at, now)}</span>
      </div>
    </div>
  )
}
