/**
 * The SLA in force: `settings/orders_sla` (set by admins), else the built-in default (a setting,
 * server/settings.ts). Kept a minute per function instance, not read once per transition: a change
 * reaches every instance within that (and this instance at once), and applies to orders entering a
 * new stage after it. Read by the orders function and by the council's decisions that make orders.
 */
import { SETTINGS } from '../core/collections'
import type { Place } from '../core/community/places'
import { DEFAULT_SLA } from '../core/orders/sla'
import type { SlaView } from '../core/orders/sla-schema'
import type { Db } from './db'
import { defineSetting } from './settings'

export const SLA_DOC = 'orders_sla'

export const slaSetting = defineSetting<SlaView>({
  collection: SETTINGS,
  ids: (at) => [`${SLA_DOC}:${at.communityId}`, `${SLA_DOC}:street:${at.streetId}`],
  defaults: { ...DEFAULT_SLA, updatedAt: null, updatedBy: null },
  read: (doc, d) => ({ byUrgency: (doc.byUrgency as SlaView['byUrgency']) ?? d.byUrgency, byCategory: (doc.byCategory as SlaView['byCategory']) ?? {}, updatedAt: (doc.updatedAt as number) ?? null, updatedBy: (doc.updatedBy as string) ?? null }),
  ttlMs: 60_000,
})

export const loadSla = (db: Db, at: Place, now = Date.now()): Promise<SlaView> => slaSetting.load(db, at, { now })

