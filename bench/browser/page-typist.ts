/**
 * A person typing in the editor at a human pace, through real key presses (CDP input events, as
 * a keyboard's would arrive), into the document's first paragraph, and how long each character
 * took to show.
 *
 * The page records, for the n-th key press, the event's own time stamp (when the input event was
 * made, before it waited for the main thread) and the moment the n-th new character is in the
 * paragraph's DOM (a mutation observer), then the next animation frame after it: from key press
 * to character is what a busy main thread delays, and to the frame is when it could be seen.
 * Everything is on the page's clock, so the protocol's round trips do not count.
 */
import type { Page } from 'playwright-core'

export interface Typed {
  /** Per key press, in ms: to the character in the DOM, and to the next frame. */
  toCharacter: number[]
  toFrame: number[]
  /** Whether the paragraph ended up holding exactly what was typed. */
  landed: boolean
}

/**
 * Written as a string because the page runs it as it is: a function compiled for Node here
 * could carry helpers (such as esbuild's name-keeping) that the page does not have.
 */
const RECORDER = `(() => {
  const editor = document.querySelector('.ProseMirror')
  const paragraph = () => editor.querySelector('p')
  const record = { pressed: [], landed: [], painted: [] }
  let length = paragraph().textContent.length
  editor.addEventListener('keydown', (event) => record.pressed.push(event.timeStamp), true)
  new MutationObserver(() => {
    const now = performance.now()
    const grown = paragraph().textContent.length
    for (; length < grown; length++) {
      record.landed.push(now)
      requestAnimationFrame(() => record.painted.push(performance.now()))
    }
  }).observe(editor, { subtree: true, childList: true, characterData: true })
  window.coffeehouseTyping = record
})()`

interface Record {
  pressed: number[]
  landed: number[]
  painted: number[]
}

/** Puts the caret at the end of the first paragraph, which must be empty or the person's own. */
export async function placeCaret(page: Page): Promise<void> {
  await page.click('.ProseMirror p')
  await page.keyboard.press('End')
  await page.evaluate(RECORDER)
}

/** Types `text`, one key press every 1/`perSecond` s on a fixed schedule, however long a press takes. */
export async function typeAtPace(page: Page, text: string, perSecond: number): Promise<Typed> {
  const before = await firstParagraph(page)
  const start = performance.now()
  for (let index = 0; index < text.length; index++) {
    const wait = start + (index * 1000) / perSecond - performance.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    await page.keyboard.type(text[index]!)
  }
  const expected = before + text
  await page.waitForFunction((count) => (window as unknown as { coffeehouseTyping: Record }).coffeehouseTyping.painted.length >= count, text.length)
  const record = await page.evaluate(() => (window as unknown as { coffeehouseTyping: Record }).coffeehouseTyping)
  const pressed = record.pressed.slice(-text.length)
  return {
    toCharacter: pressed.map((at, index) => record.landed[index]! - at),
    toFrame: pressed.map((at, index) => record.painted[index]! - at),
    landed: (await firstParagraph(page)) === expected,
  }
}

function firstParagraph(page: Page): Promise<string> {
  return page.$eval('.ProseMirror p', (paragraph) => paragraph.textContent ?? '')
}
