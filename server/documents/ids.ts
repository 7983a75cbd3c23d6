/**
 * Document ids appear in URLs and name directories on disk, so they are kept to
 * lowercase ASCII letters, digits and inner hyphens. New ids read like their
 * title ("budget-2027-k3x9q2") and end in random characters so they never collide.
 */
import { randomBytes } from 'node:crypto'

export const DOCUMENT_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/

export function isDocumentId(value: string): boolean {
  return DOCUMENT_ID_PATTERN.test(value)
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'

export function createDocumentId(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '')
  const suffix = Array.from(randomBytes(6), (byte) => ALPHABET[byte % ALPHABET.length]).join('')
  return slug ? `${slug}-${suffix}` : suffix
}
