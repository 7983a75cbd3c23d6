/** Whether ProseMirror JSON holds any text: an editor showing nothing for it has failed to read it. */
export function hasText(json: unknown): boolean {
  if (typeof json !== 'object' || json === null) return false
  const node = json as { text?: unknown; content?: unknown }
  if (typeof node.text === 'string' && node.text.length > 0) return true
  return Array.isArray(node.content) && node.content.some(hasText)
}
