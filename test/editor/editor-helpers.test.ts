import { describe, expect, it } from 'vitest'
import { normaliseLinkUrl } from '../../editor/link/link-url'
import { ariaKeyShortcut, formatShortcut } from '../../editor/toolbar/shortcuts'
import { initials } from '../../editor/identity/initials'
import { relativeTime } from '../../editor/document-list/relative-time'

describe('link addresses', () => {
  it.each([
    ['example.org', 'https://example.org'],
    [' https://example.org/a?b ', 'https://example.org/a?b'],
    ['ana@example.org', 'mailto:ana@example.org'],
    ['http://localhost:3000', 'http://localhost:3000'],
  ])('turns %s into a link address', (input, href) => expect(normaliseLinkUrl(input)).toEqual({ ok: true, href }))
  it.each(['', 'javascript:alert(1)', 'not a url', 'foo', 'data:text/html,x'])('refuses %s as a link address', (input) =>
    expect(normaliseLinkUrl(input).ok).toBe(false))
})

describe('shortcuts', () => {
  it('writes shortcuts the way each platform shows them', () => {
    expect(formatShortcut('Mod-Shift-7', 'other')).toBe('Ctrl+Shift+7')
    expect(formatShortcut('Mod-Shift-7', 'apple')).toBe('⇧⌘7')
    expect(formatShortcut('Mod-Alt-1', 'apple')).toBe('⌥⌘1')
    expect(ariaKeyShortcut('Mod-B', 'other')).toBe('Control+B')
    expect(ariaKeyShortcut('Mod-K', 'apple')).toBe('Meta+K')
  })
})

describe('initials', () => {
  it('takes initials from the first and last name', () => {
    expect(initials('Ana María Pérez')).toBe('AP')
    expect(initials('bo')).toBe('B')
    expect(initials('  (Kim) Lee ')).toBe('KL')
    expect(initials('')).toBe('?')
    expect(initials('Émile zola')).toBe('ÉZ')
  })
})

describe('relative times', () => {
  const now = new Date('2026-01-10T12:00:00Z')
  it('says how long ago a time was in plain words', () => {
    expect(relativeTime('2026-01-10T11:59:50Z', now, 'en')).toBe('just now')
    expect(relativeTime('2026-01-10T11:55:00Z', now, 'en')).toBe('5 minutes ago')
    expect(relativeTime('2026-01-10T10:30:00Z', now, 'en')).toBe('2 hours ago')
    expect(relativeTime('2026-01-09T10:00:00Z', now, 'en')).toBe('yesterday')
    expect(relativeTime('garbage', now, 'en')).toBe('')
  })
})
