import { choiceProblem, drawOf, enterPaper, resultOf } from './election'

const T = (support: number, oppose: number, abstain: number) => ({ support, oppose, abstain })

describe('choices on a ballot', () => {
  it('1 to 3 distinct candidates of the election', () => {
    expect(choiceProblem(['a'], ['a', 'b'])).toBeNull()
    expect(choiceProblem(['a', 'b', 'c'], ['a', 'b', 'c', 'd'])).toBeNull()
    expect(choiceProblem([], ['a'])).toBe('TOO_MANY_CHOICES')
    expect(choiceProblem(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd'])).toBe('TOO_MANY_CHOICES')
    expect(choiceProblem(['a', 'a'], ['a', 'b'])).toBe('TOO_MANY_CHOICES')
    expect(choiceProblem(['z'], ['a', 'b'])).toBe('UNKNOWN_CANDIDATE')
  })
})

describe('who is elected', () => {
  it('the top 3; candidates without votes count as 0', () => {
    expect(resultOf(['a', 'b', 'c', 'd'], { a: 9, b: 7, c: 5, d: 1 })).toEqual({ status: 'elected', elected: ['a', 'b', 'c'] })
    expect(resultOf(['a', 'b', 'c'], {})).toEqual({ status: 'elected', elected: ['a', 'b', 'c'] })
  })
  it('a tie at the last seat is left to the draw', () => {
    expect(resultOf(['a', 'b', 'c', 'd'], { a: 9, b: 5, c: 5, d: 5 })).toEqual({ status: 'tie', elected: ['a'], tied: ['b', 'c', 'd'], seatsToDraw: 2 })
  })
  it('the draw picks exactly the open seats from the tied, each once', () => {
    expect(drawOf(['b', 'c', 'd'], 2, () => 0)).toEqual(['b', 'c'])
    expect(drawOf(['b', 'c', 'd'], 2, (n) => n - 1)).toEqual(['d', 'c'])
    // every sequence of draws: two different of the tied, and every pair can come out
    const pairs = new Set<string>()
    for (const first of [0, 1, 2])
      for (const second of [0, 1]) {
        const picks = [first, second]
        const d = drawOf(['b', 'c', 'd'], 2, () => picks.shift()!)
        expect(new Set(d).size).toBe(2)
        expect(d.every((x) => ['b', 'c', 'd'].includes(x))).toBe(true)
        pairs.add([...d].sort().join())
      }
    expect([...pairs].sort()).toEqual(['b,c', 'b,d', 'c,d'])
  })
})

describe('paper ballots entered twice', () => {
  it('a second staff member with the same totals confirms; the same person or other numbers do not', () => {
    expect(enterPaper(null, false, { by: 's1', totals: T(3, 4, 1) })).toEqual({ ok: true, confirmed: false })
    const first = { by: 's1', totals: T(3, 4, 1) }
    expect(enterPaper(first, false, { by: 's2', totals: T(3, 4, 1) })).toEqual({ ok: true, confirmed: true })
    expect(enterPaper(first, false, { by: 's1', totals: T(3, 4, 1) })).toEqual({ ok: false, code: 'SAME_PERSON' })
    expect(enterPaper(first, false, { by: 's2', totals: T(3, 5, 1) })).toEqual({ ok: false, code: 'PAPER_MISMATCH' })
    expect(enterPaper(first, true, { by: 's3', totals: T(3, 4, 1) })).toEqual({ ok: false, code: 'PAPER_CONFIRMED' })
  })
})
