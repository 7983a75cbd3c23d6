/**
 * Two people in browsers typing into the manifesto's first paragraph at once, one at its end and
 * one at its start, until each page shows both sentences (co-editing.test.ts, several-servers.test.ts).
 */
import type { Page } from 'playwright-core'

const FIRST_PARAGRAPH = '.ProseMirror h2 + p'

export interface Sentence {
  page: Page
  /** Where the document is, for this person. */
  url: string
  text: string
}

export async function typeTogether(atEnd: Sentence, atStart: Sentence): Promise<void> {
  await Promise.all([atEnd.page.goto(atEnd.url), atStart.page.goto(atStart.url)])
  await Promise.all([atEnd.page.waitForSelector(FIRST_PARAGRAPH), atStart.page.waitForSelector(FIRST_PARAGRAPH)])
  // Both in the same paragraph, at different places.
  await atEnd.page.click(FIRST_PARAGRAPH)
  await atEnd.page.keyboard.press('End')
  await atStart.page.click(FIRST_PARAGRAPH)
  await atStart.page.keyboard.press('Home')
  await Promise.all([atEnd.page.keyboard.type(atEnd.text, { delay: 15 }), atStart.page.keyboard.type(atStart.text, { delay: 15 })])
  const both = [atEnd.text.trim(), atStart.text.trim()]
  for (const { page } of [atEnd, atStart]) {
    await page.waitForFunction((texts) => texts.every((text) => (document.querySelector('.ProseMirror')?.textContent ?? '').includes(text)), both)
  }
}
