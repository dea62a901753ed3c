/**
 * 议事系列: an admin saves a series of the community acted in (a new one, or one of its own edited);
 * its sessions of the next 8 weeks are made at once. Staff list the community's series.
 */
import { randomBytes } from 'node:crypto'
import { councilError, type councilFn } from '../../../core/council/contract'
import { sessionsAhead } from '../../../core/council/sessions'
import { getOrNull, rows } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { GRIDS, mustBeHere, mustPlace } from '../../../server/community'
import { COUNCIL_SERIES, holidayTable, seriesViewOf, type SeriesDoc } from '../store'
import { planSeries } from './plan'

export const saveSeries: Handler<(typeof councilFn)['saveSeries']> = async (ctx, input) => {
  const place = mustPlace(ctx.caller)
  const now = ctx.now()
  const { seriesId, ...fields } = input
  const before = seriesId ? await getOrNull<SeriesDoc>(ctx.db, COUNCIL_SERIES, seriesId) : null
  if (seriesId && !before) throw councilError('SERIES_UNKNOWN')
  if (before) mustBeHere(ctx.caller, before)
  if (fields.gridId) {
    const grid = await getOrNull<{ communityId: string }>(ctx.db, GRIDS, fields.gridId)
    if (!grid || grid.communityId !== place.communityId) throw councilError('GRID_UNKNOWN')
  }
  const series: SeriesDoc = {
    ...fields,
    _id: before?._id ?? `s${randomBytes(4).toString('hex')}`,
    communityId: place.communityId,
    streetId: place.streetId,
    createdBy: before?.createdBy ?? ctx.openid,
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
  }
  const { _id, ...data } = series
  await ctx.db.collection(COUNCIL_SERIES).doc(_id).set({ data })
  const table = await holidayTable(ctx.db, place.communityId, now)
  const plans = sessionsAhead(series, table, now)
  // a stopped series' sessions ahead are cancelled
  await planSeries(ctx, series, series.active ? plans : [])
  return seriesViewOf(series, table, now, plans)
}

export const series: Handler<(typeof councilFn)['series']> = async (ctx) => {
  const { communityId } = mustPlace(ctx.caller)
  const now = ctx.now()
  const [docs, table] = await Promise.all([rows<SeriesDoc>(ctx.db.collection(COUNCIL_SERIES).where({ communityId }).limit(100)), holidayTable(ctx.db, communityId, now)])
  return { items: docs.sort((a, b) => a.createdAt - b.createdAt).map((s) => seriesViewOf(s, table, now)) }
}
