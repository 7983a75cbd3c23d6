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
 * The dictionaries take about 12 MiB of heap and 0.3 s to read, so they are loaded at the first
 * sign-up rather than at every server start.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core'

const MINIMUM_SCORE = 2

/** Words anyone attacking this site would try first. */
const SITE_WORDS = ['coffeehouse', 'manifesto', 'guerilla', 'guerrilla']

export interface PasswordPolicy {
  /** Why the password is too easy to guess, in words for the person choosing it; null if it is fine. */
  weakness(password: string, personalWords: readonly string[]): Promise<string | null>
}

async function loadEstimator(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, common, english] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ])
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  })
}

export function createPasswordPolicy(): PasswordPolicy {
  let estimator: Promise<ZxcvbnFactory> | undefined
  return {
    async weakness(password, personalWords) {
      // A failed load is tried again at the next sign-up rather than kept.
      estimator ??= loadEstimator().catch((error: unknown) => {
        estimator = undefined
        throw error
      })
      const result = (await estimator).check(password, [...SITE_WORDS, ...personalWords.filter((word) => word.length > 0)])
      if (result.score >= MINIMUM_SCORE) return null
      const reasons = [result.feedback.warning, ...result.feedback.suggestions].filter((text): text is string => Boolean(text))
      return ['This password is too easy to guess.', ...reasons].join(' ')
    },
  }
}
