/**
 * Tints each suggestion in the text with its author's colour: one rule per author, keyed by
 * the data-suggestion-author attribute the suggestion marks render. Until an author's colour
 * is known, suggestions.css falls back to green for insertions and red for deletions.
 */
import type { People } from '../http/suggestions'

/** Colours come from accounts; anything but a plain hex colour is left out rather than put in a style sheet. */
const HEX_COLOUR = /^#[0-9a-f]{3,8}$/i

export function SuggestionColours({ people }: { readonly people: People }) {
  const rules = Object.values(people)
    .filter((person) => HEX_COLOUR.test(person.color))
    .map((person) => `.prose [data-suggestion-author="${CSS.escape(person.id)}"] { --suggestion-colour: ${person.color}; }`)
  return rules.length > 0 ? <style>{rules.join('\n')}</style> : null
}
