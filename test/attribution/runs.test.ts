import { describe, expect, it } from 'vitest'
import { RUN_SPAN_MS, RunList } from '../../server/attribution/runs'

const spans = (list: RunList) => list.runs.map(({ start, end, person }) => [start, end, person])

describe('attribution runs', () => {
  it('joins one person’s consecutive edits within a minute into one run', () => {
    const list = new RunList()
    list.add(0, 5, 'ada', 0, false)
    list.add(5, 9, 'ada', RUN_SPAN_MS - 1, false)
    list.add(9, 12, 'ada', RUN_SPAN_MS, false)
    expect(spans(list)).toEqual([
      [0, 9, 'ada'],
      [9, 12, 'ada'],
    ])
    expect(list.runs[0]?.until).toBe(RUN_SPAN_MS - 1)
  })

  it('keeps what is already attributed when a span is filled again', () => {
    const list = new RunList()
    list.add(10, 20, 'ada', 0, false)
    list.fill(5, 25, 'ben', 0, false)
    expect(spans(list)).toEqual([
      [5, 10, 'ben'],
      [10, 20, 'ada'],
      [20, 25, 'ben'],
    ])
  })

  it('merges a deletion that closes the gap between two runs by the same person', () => {
    const list = new RunList()
    list.add(0, 3, 'ben', 0, false)
    list.add(6, 9, 'ben', 0, false)
    list.add(3, 6, 'ben', 0, false)
    expect(spans(list)).toEqual([[0, 9, 'ben']])
    expect(list.find(7)).toBe(0)
    expect(list.find(9)).toBe(-1)
  })
})
