/**
 * New document ids read like their title ("budget-2027-k3x9q2") and end in random characters
 * so they never collide. What an id may be is storage's rule (server/storage/document-ids.ts).
 */
import { randomBytes } from 'node:crypto'

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
