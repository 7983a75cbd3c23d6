/** What a person's page says instead of passages when none of their words are in the text now. */
import type { Contributor } from '../http/attribution'
import { characterCount } from './counts'

export function nothingSurviving(name: string, contributor: Contributor): string {
  if (contributor.written > 0) {
    const written = characterCount(contributor.written)
    const since = contributor.written === 1 ? 'has been deleted since' : 'have all been deleted since'
    return `Nothing ${name} wrote is in the text now: the ${written} they wrote ${since}.`
  }
  if (contributor.deleted > 0) {
    return `${name} hasn’t written anything in this document, but has deleted ${characterCount(contributor.deleted)}.`
  }
  return `${name} hasn’t contributed to this document yet.`
}
