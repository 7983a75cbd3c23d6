import { describe, expect, it } from 'vitest'
import { SaveTracker } from '../../editor/document/save-tracker'

describe('SaveTracker', () => {
  it('is saved before any edit', () => {
    expect(new SaveTracker().hasUnsavedChanges).toBe(false)
  })

  it('stays unsaved until the frame carrying the last edit is acknowledged', () => {
    const t = new SaveTracker()
    const c = t.beginConnection()
    t.recordSent(c) // sync step 2 at localSeq 0
    t.recordLocalUpdate(); t.recordSent(c) // frame 2 -> seq 1
    t.recordLocalUpdate(); t.recordSent(c) // frame 3 -> seq 2
    expect(t.hasUnsavedChanges).toBe(true)
    t.recordSaved(2)
    expect(t.hasUnsavedChanges).toBe(true)
    t.recordSaved(3)
    expect(t.hasUnsavedChanges).toBe(false)
  })

  it('counts offline edits as saved once the reconnect sync step 2 is acknowledged', () => {
    const t = new SaveTracker()
    const c1 = t.beginConnection()
    t.recordSent(c1)
    t.recordLocalUpdate(); t.recordSent(c1) // sent but never acknowledged
    t.recordLocalUpdate(); t.recordLocalUpdate() // offline: not sent
    const c2 = t.beginConnection()
    t.recordSaved(2) // a late ack for the old connection must not count on the new one
    expect(t.hasUnsavedChanges).toBe(true)
    t.recordSent(c1) // a frame from the old socket is ignored
    t.recordSent(c2) // step 2 carrying everything
    t.recordSaved(1)
    expect(t.hasUnsavedChanges).toBe(false)
  })

  it('ignores acknowledgements for frames never sent and never goes backwards', () => {
    const t = new SaveTracker()
    const c = t.beginConnection()
    t.recordLocalUpdate(); t.recordSent(c)
    t.recordSaved(5)
    expect(t.hasUnsavedChanges).toBe(true)
    t.recordSaved(1)
    expect(t.hasUnsavedChanges).toBe(false)
    t.recordSaved(1)
    t.recordSaved(0)
    expect(t.hasUnsavedChanges).toBe(false)
  })

  it('notifies subscribers on edits and on progress, and stops after unsubscribe', () => {
    const t = new SaveTracker()
    let calls = 0
    const off = t.subscribe(() => calls++)
    const c = t.beginConnection()
    t.recordLocalUpdate(); t.recordSent(c); t.recordSaved(1)
    expect(calls).toBe(2)
    off()
    t.recordLocalUpdate()
    expect(calls).toBe(2)
  })
})
