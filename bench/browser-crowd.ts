/**
 * browser-crowd: whether the editor stays usable with 200 people present (issue 17). A person in
 * Chromium types into the document's first paragraph at a human pace, through real key presses,
 * while a crowd of light authors (bench/crowd/) each types into a paragraph of their own and
 * publishes their caret after every keystroke, as the editor does. Measured on the page: the main
 * thread's busy share per second (bench/browser/main-thread.ts) and how long each key press took
 * to become a character (bench/browser/page-typist.ts). Baselines in the same run: the same
 * page and typing with nobody else present, and with 20 authors.
 */
import { launchChromium, signedInPage } from './browser/chromium'
import { MainThreadMeter, type BusySecond } from './browser/main-thread'
import { placeCaret, typeAtPace, type Typed } from './browser/page-typist'
import { runCrowd, type Scenario } from './crowd/crowd'
import { crowdAccounts, crowdText } from './crowd/crowd-document'
import { ms, percentile, startCoffeehouse, type Benchmark, type Result, type ServerProcess } from './support'
import { openWritableDocument, signUp } from './support/peers'
import type { Browser, Page } from 'playwright-core'

const CROWDS = [20, 200]
/** A brisk typist, for the person and for every author: everyone present types at once, the worst case. */
const CHARACTERS_PER_SECOND = 5
/** What the person types, 15 s of it at that pace. */
const PERSON_TEXT = 'We meet on Thursdays at the old library, and every voice counts the same. '
/** The crowd's presence arrives about once a second in a room this full; measuring starts after a few frames. */
const SETTLE_MS = 4_000
/** The crowd types a little longer than the person, so the person's whole measurement is inside it. */
const CROWD_SECONDS = Math.ceil(SETTLE_MS / 1000 + PERSON_TEXT.length / CHARACTERS_PER_SECOND + 3)
const TARGET_BUSY = 0.3

interface PageRun {
  present: number
  seconds: BusySecond[]
  typed: Typed
  /** What the presence bar showed at the end: avatars, and the "+N" text if any. */
  avatars: number
  more: string
  /** The crowd's characters that did not end up where they were typed. */
  lost: number
  /** Shares of a core that the server and the busiest crowd process used while the crowd typed. */
  serverLoad: number
  clientLoad: number
}

/** What the page itself shows; the rest of a run comes from the crowd. */
type PageFigures = Pick<PageRun, 'seconds' | 'typed' | 'avatars' | 'more'>

export const browserCrowd: Benchmark = {
  name: 'browser-crowd',
  description: `a person typing in Chromium at ${CHARACTERS_PER_SECOND} characters/s beside ${CROWDS.join(' and ')} authors typing with carets, against the page alone`,
  async run() {
    const server = await startCoffeehouse()
    const browser = await launchChromium()
    try {
      const person = await signUp(server, 'browser person')
      const cookies = await crowdAccounts(server, Math.max(...CROWDS), 'crowd author')
      const alone = await measureAlone(server, browser, person)
      report(alone)
      const crowds: PageRun[] = []
      for (const authors of CROWDS) {
        crowds.push(await measureInCrowd(server, browser, person, cookies.slice(0, authors)))
        report(crowds.at(-1)!)
      }
      return results(alone, crowds)
    } finally {
      await browser.close()
      await server.stop()
    }
  },
}

async function measureAlone(server: ServerProcess, browser: Browser, person: string): Promise<PageRun> {
  const { documentId } = await openWritableDocument(server, 'alone', person)
  const page = await openDocument(server, browser, person, documentId, 1)
  try {
    return { present: 1, ...(await typeAndMeasure(page)), lost: 0, serverLoad: 0, clientLoad: 0 }
  } finally {
    await page.context().close()
  }
}

async function measureInCrowd(server: ServerProcess, browser: Browser, person: string, cookies: readonly (string | undefined)[]): Promise<PageRun> {
  const text = crowdText()
  const scenario: Scenario = {
    name: `browser crowd ${cookies.length}`,
    authors: cookies.length,
    readers: 0,
    probes: 0,
    editsPerSecond: CHARACTERS_PER_SECOND,
    seconds: CROWD_SECONDS,
    // The page is measured over the whole typing; the crowd's own timing is not reported here.
    warmUpSeconds: 0,
    processes: 2,
    text,
    carets: true,
  }
  let page: Page | null = null
  let measured: PageFigures | null = null
  try {
    const crowd = await runCrowd(server, scenario, cookies, {
      companion: {
        ready: async (documentId) => {
          // The crowd's document belongs to its first author, who lets the person edit it too.
          await makeMaintainer(server, documentId, cookies[0]!, person)
          page = await openDocument(server, browser, person, documentId, cookies.length + 1)
        },
        whileTyping: async () => {
          measured = await typeAndMeasure(page!)
        },
      },
    })
    return { present: cookies.length + 1, ...measured!, lost: crowd.lost, serverLoad: crowd.serverLoad, clientLoad: crowd.busiestClientLoad }
  } finally {
    await (page as Page | null)?.context().close()
  }
}

async function makeMaintainer(server: ServerProcess, documentId: string, owner: string, person: string): Promise<void> {
  const me = (await (await fetch(`${server.url}/api/me`, { headers: { cookie: person } })).json()) as { user: { id: string } }
  const made = await fetch(`${server.url}/api/documents/${documentId}/members/${me.user.id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie: owner },
    body: JSON.stringify({ role: 'maintainer' }),
  })
  if (!made.ok) throw new Error(`making the person a maintainer failed: ${made.status}`)
}

/** The document open and synced in a fresh profile: all `paragraphs` are there, the caret in the first. */
async function openDocument(server: ServerProcess, browser: Browser, person: string, documentId: string, paragraphs: number): Promise<Page> {
  const page = await signedInPage(browser, server.url, person)
  await page.goto(`${server.url}/d/${documentId}`)
  await page.waitForFunction((count) => document.querySelectorAll('.ProseMirror p').length >= count, paragraphs)
  await placeCaret(page)
  return page
}

async function typeAndMeasure(page: Page): Promise<PageFigures> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
  const meter = await MainThreadMeter.attach(page)
  const typing = typeAtPace(page, PERSON_TEXT, CHARACTERS_PER_SECOND)
  const seconds = await meter.sample(typing)
  const typed = await typing
  const avatars = await page.locator('[data-testid=presence-avatar]').count()
  const more = (await page.locator('.presence__more').textContent({ timeout: 100 }).catch(() => null)) ?? ''
  return { seconds, typed, avatars, more }
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length)
const percent = (share: number) => `${Math.round(share * 100)}%`
const busy = (run: PageRun) => `${percent(mean(run.seconds.map((second) => second.busy)))} (worst second ${percent(Math.max(...run.seconds.map((second) => second.busy)))})`
const cpu = (run: PageRun) => percent(mean(run.seconds.map((second) => second.cpu)))
const typing = (run: PageRun) => `${ms(percentile(run.typed.toCharacter, 0.5))} / ${ms(percentile(run.typed.toCharacter, 0.95))}`
const frame = (run: PageRun) => ms(percentile(run.typed.toFrame, 0.95))

function report(run: PageRun): void {
  const split = `script ${percent(mean(run.seconds.map((second) => second.script)))}, style and layout ${percent(mean(run.seconds.map((second) => second.layout)))}`
  console.error(`  ${run.present} present: busy ${busy(run)}, CPU ${cpu(run)} (${split}); key to character p50/p95 ${typing(run)}, to frame p95 ${frame(run)}; landed ${run.typed.landed}; bar ${run.avatars} + "${run.more}"; server ${percent(run.serverLoad)} of a core, busiest crowd process ${percent(run.clientLoad)}`)
}

function results(alone: PageRun, crowds: readonly PageRun[]): Result[] {
  const largest = crowds.at(-1)!
  const others = (describe: (run: PageRun) => string) =>
    [`alone ${describe(alone)}`, ...crowds.slice(0, -1).map((run) => `${run.present - 1} authors ${describe(run)}`)].join('; ')
  const name = `${largest.present - 1} authors`
  const meanBusy = mean(largest.seconds.map((second) => second.busy))
  return [
    { benchmark: 'browser-crowd', figure: `main-thread busy per second, ${name}`, value: busy(largest), baseline: others(busy), target: `< ${percent(TARGET_BUSY)}`, met: meanBusy < TARGET_BUSY },
    { benchmark: 'browser-crowd', figure: `main-thread CPU per second, ${name}`, value: cpu(largest), baseline: others(cpu), target: '—', met: true },
    { benchmark: 'browser-crowd', figure: `key press to character p50 / p95, ${name}`, value: typing(largest), baseline: others(typing), target: '—', met: true },
    { benchmark: 'browser-crowd', figure: `key press to next frame p95, ${name}`, value: frame(largest), baseline: others(frame), target: '—', met: true },
    {
      benchmark: 'browser-crowd',
      figure: `presence bar; typing landed; crowd characters lost, ${name}`,
      value: `${largest.avatars} avatars + "${largest.more}"; ${largest.typed.landed ? 'yes' : 'no'}; ${largest.lost}`,
      baseline: others((run) => `${run.avatars} avatars${run.more ? ` + "${run.more}"` : ''}`),
      target: '5 + "+N"; yes; 0',
      met: largest.typed.landed && largest.lost === 0 && largest.more.startsWith('+'),
    },
  ]
}
