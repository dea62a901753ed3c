/**
 * The 选题委员会's half-yearly evaluation: every registered household may cast one anonymous ballot
 * (support / oppose / abstain). It counts only with a quorum; without one it is extended once, then
 * void. If more than 60 % of the ballots oppose, the committee is re-elected (top 3 win; a tie at
 * the last seat is drawn at the next session).
 */

export const BALLOT_CHOICES = ['support', 'oppose', 'abstain'] as const
export type BallotChoice = (typeof BALLOT_CHOICES)[number]
export type Tally = Record<BallotChoice, number>

/** Ballots needed: max(10, ⌈5 % of eligible households⌉). */
export const quorumOf = (eligible: number): number => Math.max(10, Math.ceil((eligible * 5) / 100))

export type Outcome = 'extend' | 'void' | 'kept' | 'reelect'

/** At close: without a quorum extend (the first time) or void; else re-elect when oppose ÷ all ballots > 60 % (exactly 60 % is not more). */
export function outcomeOf(t: Tally, eligible: number, extended: boolean): Outcome {
  const all = t.support + t.oppose + t.abstain
  if (all < quorumOf(eligible)) return extended ? 'void' : 'extend'
  // oppose / all > 3 / 5, in integers
  return t.oppose * 5 > all * 3 ? 'reelect' : 'kept'
}

/** Seats of the committee. */
export const SEATS = 3

/** Who is elected with these votes: those surely in the top `seats`, and those tied for the last seats (drawn at the next session). */
export function electedOf(votes: Record<string, number>, seats = SEATS): { elected: string[]; tied: string[]; seatsToDraw: number } {
  const sorted = Object.entries(votes).sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
  if (sorted.length <= seats) return { elected: sorted.map(([id]) => id), tied: [], seatsToDraw: 0 }
  const line = sorted[seats - 1][1]
  const above = sorted.filter(([, v]) => v > line).map(([id]) => id)
  const atLine = sorted.filter(([, v]) => v === line).map(([id]) => id)
  if (above.length + atLine.length === seats) return { elected: [...above, ...atLine], tied: [], seatsToDraw: 0 }
  return { elected: above, tied: atLine, seatsToDraw: seats - above.length }
}
