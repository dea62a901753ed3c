/** The community's holiday table for a year (法定节假日 and 调休 working days); the sessions ahead are made again by it. */
import { councilError, type councilFn } from '../../../core/council/contract'
import type { Handler } from '../../../server/runtime'
import { mustPlace } from '../../../server/community'
import { COUNCIL_HOLIDAYS, holidaysId } from '../store'
import { runPlan } from './plan'

export const setHolidays: Handler<(typeof councilFn)['setHolidays']> = async (ctx, { year, holidays, workdays }) => {
  const { communityId, streetId } = mustPlace(ctx.caller)
  if ([...holidays, ...workdays].some((d) => Number(d.slice(0, 4)) !== year)) throw councilError('WRONG_YEAR')
  const table = { year, holidays: [...new Set(holidays)].sort(), workdays: [...new Set(workdays)].sort() }
  await ctx.db.collection(COUNCIL_HOLIDAYS).doc(holidaysId(communityId, year)).set({ data: { communityId, streetId, ...table } })
  await runPlan(ctx, communityId)
  return table
}
