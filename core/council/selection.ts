/**
 * Supports and the 选题委员会's choice (议事协商): each household has a few supports per session,
 * locked at the topic cutoff; a topic qualifies with enough of them; the committee puts up to K
 * qualified topics on the agenda and says publicly why any qualified one was left out.
 */

export interface SelectionSettings {
  /** Supports each household may give per session. */
  supportsPerHousehold: number
  /** A topic qualifies with at least this many supports … */
  minSupports: number
  /** … and at least this percentage (whole percent) of the scope's registered households. */
  sharePercent: number
  /** Topics the committee may put on one agenda (K). */
  agendaSize: number
  /** Supports a 楼栋长 may give per session for named neighbours without the app. */
  proxySupportsPerLead: number
}

export const DEFAULT_SELECTION: SelectionSettings = { supportsPerHousehold: 3, minSupports: 5, sharePercent: 2, agendaSize: 5, proxySupportsPerLead: 10 }

/** Supports a topic needs: max(5, ⌈2 % of registered households⌉) by default (integers: no rounding error). */
export const thresholdOf = (households: number, s: Pick<SelectionSettings, 'minSupports' | 'sharePercent'> = DEFAULT_SELECTION): number =>
  Math.max(s.minSupports, Math.ceil((households * s.sharePercent) / 100))

/** Supports are taken until the cutoff: `cutoffHours` before the session starts. */
export const supportsOpen = (now: number, sessionStart: number, cutoffHours: number): boolean => now < sessionStart - cutoffHours * 3_600_000

export interface Candidate {
  id: string
  supports: number
  raisedAt: number
}

/** The agenda's order: most supports first, then the oldest, then by id. */
export const byPriority = (a: Candidate, b: Candidate): number => b.supports - a.supports || a.raisedAt - b.raisedAt || a.id.localeCompare(b.id)

/** What the committee is offered: the top K qualified topics, and the rest. */
export function proposalOf(qualified: readonly Candidate[], k: number): { chosen: string[]; rest: string[] } {
  const sorted = [...qualified].sort(byPriority)
  return { chosen: sorted.slice(0, k).map((c) => c.id), rest: sorted.slice(k).map((c) => c.id) }
}

export type AgendaError = 'TOO_MANY' | 'NOT_QUALIFIED' | 'REASON_MISSING' | 'OWN_REASON_MISSING'

export interface AgendaChoice {
  /** Qualified topics chosen (at most K). */
  chosen: string[]
  /** Why each qualified topic not chosen was left out (published). */
  reasons: Record<string, string>
  /** One topic of the committee's own, with its published reason. */
  own?: { id: string; reason: string }
}

/** The agenda the committee's choice makes, in agenda order (the chosen by priority, then its own), or why it cannot stand. */
export function agendaOf(qualified: readonly Candidate[], k: number, c: AgendaChoice): { ok: true; agenda: string[]; leftOut: { id: string; reason: string }[] } | { ok: false; code: AgendaError; ids: string[] } {
  const ids = new Set(qualified.map((q) => q.id))
  const unknown = c.chosen.filter((id) => !ids.has(id))
  if (unknown.length) return { ok: false, code: 'NOT_QUALIFIED', ids: unknown }
  if (new Set(c.chosen).size > k) return { ok: false, code: 'TOO_MANY', ids: c.chosen }
  const left = qualified.filter((q) => !c.chosen.includes(q.id)).sort(byPriority)
  const silent = left.filter((q) => !c.reasons[q.id]?.trim()).map((q) => q.id)
  if (silent.length) return { ok: false, code: 'REASON_MISSING', ids: silent }
  if (c.own && !c.own.reason.trim()) return { ok: false, code: 'OWN_REASON_MISSING', ids: [c.own.id] }
  const agenda = qualified.filter((q) => c.chosen.includes(q.id)).sort(byPriority).map((q) => q.id)
  return { ok: true, agenda: c.own ? [...agenda, c.own.id] : agenda, leftOut: left.map((q) => ({ id: q.id, reason: c.reasons[q.id].trim() })) }
}
