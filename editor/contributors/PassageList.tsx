/**
 * A person's passages in the current text, under the headings of the sections they stand in,
 * each as a quote (long ones shortened) with when it was written.
 */
import type { Passage } from '../http/attribution'
import { ContributionTime } from './ContributionTime'
import { excerpt } from './excerpt'
import { groupBySection } from './passage-groups'
import { sectionName } from './section-name'
import '../ui/prose-excerpt.css'
import './passages.css'

interface PassageListProps {
  readonly passages: readonly Passage[]
  readonly now: Date
}

export function PassageList({ passages, now }: PassageListProps) {
  return (
    <div className="passage-groups">
      {groupBySection(passages).map((group) => (
        // A group starts at its first passage, whose offset is unique in the text.
        <section key={group.passages[0]?.from ?? 0} className="passage-group" data-testid="passage-group">
          <h4 className="passage-group__heading">{sectionName(group.section)}</h4>
          <ol className="passage-group__passages">
            {group.passages.map((passage) => {
              const quote = excerpt(passage.text)
              return (
                <li key={passage.from}>
                  <figure className="passage" data-testid="passage">
                    <blockquote className="prose-excerpt passage__text">
                      {quote.text}
                      {quote.trimmed && <span className="visually-hidden"> (shortened)</span>}
                    </blockquote>
                    {passage.time !== null && (
                      <figcaption className="passage__meta">
                        Written <ContributionTime iso={passage.time} now={now} />
                      </figcaption>
                    )}
                  </figure>
                </li>
              )
            })}
          </ol>
        </section>
      ))}
    </div>
  )
}
