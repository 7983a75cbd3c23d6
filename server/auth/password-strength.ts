/**
 * Refuses passwords that are easy to guess: the common ones (`12345678`, `password`), trivial
 * ones (eight spaces, `abcdefgh12`, `qwertyuiop`) and ones built from the person's own username
 * or name or from this site's words.
 *
 * zxcvbn estimates how many guesses a cracker needs, from lists of common passwords, names and
 * words, and from patterns (repeats, sequences, keyboard walks, dates, l33t). Score 2 means
 * about a million guesses or more: with sign-in attempts limited per address, that is out of
 * reach online, and stricter scores start refusing passphrases people can remember.
 *
 * Building the estimator reads its dictionaries (about 0.3 s), so it is built at the first
 * check rather than at every server start.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as english from '@zxcvbn-ts/language-en'

const MINIMUM_SCORE = 2

/** Words anyone attacking this site would try first. */
const SITE_WORDS = ['coffeehouse', 'manifesto', 'guerilla', 'guerrilla']

export interface PasswordPolicy {
  /** Why the password is too easy to guess, in words for the person choosing it; null if it is fine. */
  weakness(password: string, personalWords: readonly string[]): string | null
}

export function createPasswordPolicy(): PasswordPolicy {
  let estimator: ZxcvbnFactory | undefined
  const estimate = () =>
    (estimator ??= new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
    }))
  return {
    weakness(password, personalWords) {
      const result = estimate().check(password, [...SITE_WORDS, ...personalWords.filter((word) => word.length > 0)])
      if (result.score >= MINIMUM_SCORE) return null
      const reasons = [result.feedback.warning, ...result.feedback.suggestions].filter((text): text is string => Boolean(text))
      return ['This password is too easy to guess.', ...reasons].join(' ')
    },
  }
}
