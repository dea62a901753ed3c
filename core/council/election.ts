/**
 * Re-electing the 选题委员会 after an evaluation said so (pure): candidates put forward by
 * nomination, each household names up to 3 of them on one anonymous ballot, the top 3 win; a tie
 * for the last seats is drawn in public at the next session, and the draw is recorded. Paper
 * ballots of an evaluation are entered as totals twice, by two staff, and count only when both
 * entries agree.
 */
import { electedOf, SEATS, type Tally } from './evaluation'

/** Choices on one ballot: 1 to 3 distinct candidates of the election. */
export function choiceProblem(choices: readonly string[], candidates: readonly string[]): 'TOO_MANY_CHOICES' | 'UNKNOWN_CANDIDATE' | null {
  if (choices.length < 1 || choices.length > SEATS || new Set(choices).size !== choices.length) return 'TOO_MANY_CHOICES'
  return choices.every((c) => candidates.includes(c)) ? null : 'UNKNOWN_CANDIDATE'
}

export type ElectionResult = { status: 'elected'; elected: string[] } | { status: 'tie'; elected: string[]; tied: string[]; seatsToDraw: number }

/** Every candidate with their votes (none: 0), and who is elected or tied. */
export function resultOf(candidates: readonly string[], votes: Record<string, number>): ElectionResult {
  const r = electedOf(Object.fromEntries(candidates.map((c) => [c, votes[c] ?? 0])))
  return r.seatsToDraw ? { status: 'tie', elected: r.elected, tied: r.tied, seatsToDraw: r.seatsToDraw } : { status: 'elected', elected: r.elected }
}

/** The draw at the session: `seats` of the tied, picked by `randomInt(n)` (0 ≤ r < n), in the order drawn. */
export function drawOf(tied: readonly string[], seats: number, randomInt: (n: number) => number): string[] {
  const pool = [...tied]
  const drawn: string[] = []
  while (drawn.length < seats && pool.length) drawn.push(pool.splice(randomInt(pool.length), 1)[0])
  return drawn
}

export interface PaperEntry {
  by: string
  totals: Tally
}

export type PaperStep = { ok: true; confirmed: boolean } | { ok: false; code: 'SAME_PERSON' | 'PAPER_MISMATCH' | 'PAPER_CONFIRMED' }

/** A second staff member entering the same totals confirms them; the same person, or other numbers, do not. */
export function enterPaper(first: PaperEntry | null, confirmed: boolean, entry: PaperEntry): PaperStep {
  if (confirmed) return { ok: false, code: 'PAPER_CONFIRMED' }
  if (!first) return { ok: true, confirmed: false }
  if (first.by === entry.by) return { ok: false, code: 'SAME_PERSON' }
  const same = first.totals.support === entry.totals.support && first.totals.oppose === entry.totals.oppose && first.totals.abstain === entry.totals.abstain
  return same ? { ok: true, confirmed: true } : { ok: false, code: 'PAPER_MISMATCH' }
}
