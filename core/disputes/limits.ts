/**
 * How many cases one person may report in a China day. Staff and admins log cases as their work;
 * everyone else (a 楼栋长 for neighbours too) a few, so nobody floods a neighbour with cases and
 * notices. The count lives in `dispute_reporters/<openid>.<China day>`, changed in the transaction
 * that writes the case.
 */
import type { Role } from '../contract/roles'

export const REPORTS_PER_DAY = 5

/** The day's counter document id. */
export const reporterDayId = (openid: string, chinaDay: string) => `${openid}.${chinaDay}`

/** Whether one more report today is allowed, after `done` of them. */
export function mayReportMore(roles: readonly Role[], done: number): boolean {
  return roles.includes('staff') || roles.includes('admin') || done < REPORTS_PER_DAY
}
