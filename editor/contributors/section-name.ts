/** What a section is called on screen: its heading, "Opening" for the text before the first heading. */
export function sectionName(heading: string | null): string {
  if (heading === null) return 'Opening'
  // A heading someone has emptied still divides the document; it needs a name to be listed.
  return heading.trim() === '' ? 'Untitled section' : heading
}
