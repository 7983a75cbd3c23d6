/**
 * Credits by section: under each heading, whose words are in that section now, most characters
 * first. The same credits as the Markdown and HTML exports end with.
 */
import { useId } from 'react'
import type { SectionCredits as Section } from '../http/attribution'
import { ContributorLabel } from './ContributorLabel'
import { characterCount } from './counts'
import { sectionName } from './section-name'
import './section-credits.css'

interface SectionCreditsProps {
  readonly documentId: string
  readonly sections: readonly Section[]
}

/** The starter text's share of a bar: the line colour, so people's colours stand out against it. */
const STARTER_TEXT_COLOUR = 'var(--line-strong)'

export function SectionCredits({ documentId, sections }: SectionCreditsProps) {
  const headingId = useId()
  return (
    <section className="section-credits" aria-labelledby={headingId} data-testid="section-credits">
      <h2 id={headingId} className="contributors-page__subheading">
        Credits by section
      </h2>
      <p className="contributors-page__note">Whose words each section holds now, most characters first.</p>
      {sections.length === 0 ? (
        <p className="contributors-page__empty">The document has no text yet.</p>
      ) : (
        <ol className="section-credits__list">
          {sections.map((section, index) => (
            // Sections have no id, and two may share a heading; their order is what identifies them.
            <li key={index} className="section-credit" data-testid="section-credit">
              <h3 className="section-credit__heading">{sectionName(section.heading)}</h3>
              <ShareBar section={section} />
              {section.credits.length === 0 ? (
                <p className="section-credit__empty">No text in this section yet.</p>
              ) : (
                <ol className="section-credit__people">
                  {section.credits.map((credit) => (
                    <li key={credit.person?.id ?? 'starter-text'} className="section-credit__person"
                      data-person={credit.person?.username ?? 'starter-text'}>
                      <ContributorLabel documentId={documentId} person={credit.person} />
                      <span className="section-credit__count">{characterCount(credit.characters)}</span>
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

/** Each person's share of the section as a strip in their colour. Decorative: the list beside it has the numbers. */
function ShareBar({ section }: { readonly section: Section }) {
  const total = section.credits.reduce((sum, credit) => sum + credit.characters, 0)
  if (total === 0) return null
  return (
    <div className="share-bar" aria-hidden="true">
      {section.credits.map((credit) => (
        <span key={credit.person?.id ?? 'starter-text'} className="share-bar__part"
          style={{ flexGrow: credit.characters, backgroundColor: credit.person?.color ?? STARTER_TEXT_COLOUR }} />
      ))}
    </div>
  )
}
