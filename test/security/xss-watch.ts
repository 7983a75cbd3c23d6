/**
 * Watches a browser profile for any sign that a payload ran: a call to `__xss(id)` (every
 * payload in xss-payloads.ts makes one), an alert/confirm/prompt, or a Content Security Policy
 * violation (under the app's CSP an injected handler is refused, not run, and that refusal is
 * the only trace it leaves).
 */
import type { BrowserContext } from 'playwright-core'
import { expect } from 'vitest'

export interface XssWatch {
  readonly fired: string[]
  readonly dialogs: string[]
  readonly violations: string[]
  /** Fails the test, naming each payload that ran and each dialog or violation seen. */
  expectNothingFired(): void
}

export async function watchForXss(context: BrowserContext): Promise<XssWatch> {
  const fired: string[] = []
  const dialogs: string[] = []
  const violations: string[] = []
  await context.exposeBinding('__xss', ({ frame }, id: unknown) => {
    fired.push(`payload ${String(id)} ran in ${frame.url()}`)
  })
  await context.exposeBinding('__xssViolation', (_source, report: unknown) => {
    violations.push(String(report))
  })
  // Set before any page script runs, so a violation during the first render is caught too.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      // zod probes once whether `Function('')` is allowed, to choose its faster parser
      // (allowsEval in zod/v4/core/util.js). That probe comes from the app's own bundle, and
      // the CSP refusing it is the CSP working; anything else blocked is reported.
      if (event.blockedURI === 'eval' && event.sourceFile.startsWith(`${location.origin}/assets/`)) return
      const report = (window as unknown as { __xssViolation?: (report: string) => void }).__xssViolation
      report?.(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} in ${event.documentURI}`)
    })
  })
  context.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  return {
    fired,
    dialogs,
    violations,
    expectNothingFired() {
      expect({ fired, dialogs, violations }).toEqual({ fired: [], dialogs: [], violations: [] })
    },
  }
}
