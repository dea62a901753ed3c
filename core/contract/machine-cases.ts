/** The tests every table-driven machine gets (used by its *.test.ts): generated from the table, as the orders machine's are. */
import { reachable, type Machine } from './machine'

export function machineCases<S extends string, E extends string, A extends string>(m: Machine<S, E, A>, actors: readonly A[], actorsOf: Record<E, readonly A[]>, start: S, finals: S[]): void {
  const pairs = m.statuses.flatMap((s) => m.events.map((e) => [s, e] as const))
  const allowed = pairs.filter(([s, e]) => m.target(s, e))
  const refused = pairs.filter(([s, e]) => !m.target(s, e))
  it.each(allowed)('%s --%s--> goes where the table says, for the actors it names and no other', (status, type) => {
    for (const actor of actors) expect(m.step(status, type, actor)).toEqual(actorsOf[type].includes(actor) ? { ok: true, to: m.target(status, type) } : { ok: false, code: 'FORBIDDEN' })
  })
  it.each(refused)('%s --%s--> is refused', (status, type) => {
    expect(m.step(status, type, actorsOf[type][0])).toEqual({ ok: false, code: 'BAD_STATE' })
  })
  it(`every status is reachable from ${start}; the ends are ${finals.join(', ')}`, () => {
    expect([...reachable(m, start)].sort()).toEqual([...m.statuses].sort())
    expect([...m.finals].sort()).toEqual([...finals].sort())
  })
}
