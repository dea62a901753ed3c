/**
 * A state machine as one table (status → event → next status) and who may send each event, as the
 * 议题, 矛盾调解 and 微心愿 tables are written: the function decides and performs nothing.
 */
export type Table<S extends string, E extends string> = Record<S, Partial<Record<E, S>>>
export type Step<S extends string> = { ok: true; to: S } | { ok: false; code: 'FORBIDDEN' | 'BAD_STATE' }

export interface Machine<S extends string, E extends string, A extends string> {
  statuses: readonly S[]
  events: E[]
  /** Statuses a case never leaves. */
  finals: S[]
  target(status: S, type: E): S | null
  /** Whether `actor` may send `type` to a case in `status`, and where it goes. */
  step(status: S, type: E, actor: A): Step<S>
}

export function defineMachine<S extends string, E extends string, A extends string>(statuses: readonly S[], table: Table<S, E>, actors: Record<E, readonly A[]>): Machine<S, E, A> {
  const target = (status: S, type: E): S | null => table[status][type] ?? null
  return {
    statuses,
    events: Object.keys(actors) as E[],
    finals: statuses.filter((s) => Object.keys(table[s]).length === 0),
    target,
    step(status, type, actor) {
      if (!actors[type].includes(actor)) return { ok: false, code: 'FORBIDDEN' }
      const to = target(status, type)
      return to ? { ok: true, to } : { ok: false, code: 'BAD_STATE' }
    },
  }
}

/** Every status reachable from `start` (for the tests: a table has no unreachable status). */
export function reachable<S extends string, E extends string>(m: Pick<Machine<S, E, string>, 'events' | 'target'>, start: S): Set<S> {
  const seen = new Set<S>([start])
  const todo: S[] = [start]
  while (todo.length) {
    const s = todo.pop()!
    for (const e of m.events) {
      const t = m.target(s, e)
      if (t && !seen.has(t)) {
        seen.add(t)
        todo.push(t)
      }
    }
  }
  return seen
}
