/**
 * Fixed vocabularies for profiles and volunteer applications (shared by app, functions, docs).
 * Skills follow the service categories residents order (#5), so the pool can filter by skill.
 */
import { keysOf } from '../contract/vocab'

export const SKILL_LABELS = {
  repair_water_electric: '水电维修',
  repair_pipe: '管道疏通',
  repair_appliance: '家电维修',
  elder_escort: '陪诊',
  elder_shopping: '代购',
  elder_meals: '送餐',
  elder_visit: '上门探访',
  child_care: '看护',
  child_tutoring: '辅导',
  housekeeping: '家政',
  legal: '法律咨询',
  counseling: '心理疏导',
  other: '其他',
}
export const SKILLS = keysOf(SKILL_LABELS)
export type Skill = (typeof SKILLS)[number]

/** When a volunteer is usually free: day type × part of day. */

export const TIME_SLOT_LABELS = {
  weekday_morning: '工作日上午',
  weekday_afternoon: '工作日下午',
  weekday_evening: '工作日晚上',
  weekend_morning: '周末上午',
  weekend_afternoon: '周末下午',
  weekend_evening: '周末晚上',
}
export const TIME_SLOTS = keysOf(TIME_SLOT_LABELS)
export type TimeSlot = (typeof TIME_SLOTS)[number]

/** Volunteer teams; orders may be published to one team only (e.g. 红管家 for small repairs). */

export const TEAM_LABELS = {
  red_steward: '红管家',
  silver_pioneer: '银发先锋',
  youth: '青年志愿者',
}
export const TEAMS = keysOf(TEAM_LABELS)
export type Team = (typeof TEAMS)[number]

export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

/** 13812345678 → 138****5678 (what everyone but the owner sees). */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****'
}
