/**
 * Service categories a resident can order. Ids are the volunteer skill ids (core/users/vocab.ts), so
 * the pool can match an order to volunteers with that skill.
 */
import { SKILL_LABELS, type Skill } from '../users/vocab'

export type Category = Skill

export interface CategoryGroup {
  id: 'repair' | 'elder' | 'child' | 'housekeeping' | 'legal' | 'counseling' | 'other'
  label: string
  items: readonly Category[]
}

/** Shown on the order page: group → items (a group with one item is a single tap). */
export const CATEGORY_GROUPS: readonly CategoryGroup[] = [
  { id: 'repair', label: '维修', items: ['repair_water_electric', 'repair_pipe', 'repair_appliance'] },
  { id: 'elder', label: '助老', items: ['elder_escort', 'elder_shopping', 'elder_meals', 'elder_visit'] },
  { id: 'child', label: '助小', items: ['child_care', 'child_tutoring'] },
  { id: 'housekeeping', label: '家政', items: ['housekeeping'] },
  { id: 'legal', label: '法律咨询', items: ['legal'] },
  { id: 'counseling', label: '心理疏导', items: ['counseling'] },
  { id: 'other', label: '其他', items: ['other'] },
]

/** Short label inside its group (维修 → 水电); the skill's own label elsewhere. */
export const CATEGORY_LABELS: Record<Category, string> = {
  ...SKILL_LABELS,
  repair_water_electric: '水电',
  repair_appliance: '家电',
}

/** Points a volunteer earns by default; staff may change them at triage. */
export const DEFAULT_POINTS: Record<Category, number> = {
  repair_water_electric: 10,
  repair_pipe: 10,
  repair_appliance: 10,
  elder_escort: 20,
  elder_shopping: 8,
  elder_meals: 8,
  elder_visit: 10,
  child_care: 15,
  child_tutoring: 15,
  housekeeping: 10,
  legal: 20,
  counseling: 20,
  other: 5,
}

export function groupOf(category: Category): CategoryGroup {
  const g = CATEGORY_GROUPS.find((x) => x.items.includes(category))
  if (!g) throw new Error(`category without group: ${category}`)
  return g
}

/** '维修 · 水电', or just '家政' for a one-item group. */
export function categoryTitle(category: Category): string {
  const g = groupOf(category)
  return g.items.length === 1 ? g.label : `${g.label} · ${CATEGORY_LABELS[category]}`
}

/** Served at the resident's door (or picked up there): the volunteer needs the room number (门牌号). */
export const AT_HOME: readonly Category[] = [
  'repair_water_electric',
  'repair_pipe',
  'repair_appliance',
  'elder_escort',
  'elder_shopping',
  'elder_meals',
  'elder_visit',
  'child_care',
  'housekeeping',
]

/** Booked for a set date and time (a hospital visit, a lawyer's or counsellor's hour), not a time window. */
export const APPOINTMENT: readonly Category[] = ['elder_escort', 'legal', 'counseling']

/** How many real characters the description needs beyond the category's own name (0: none needed). */
export const DESCRIPTION_MIN: Record<Category, number> = {
  repair_water_electric: 3,
  repair_pipe: 3,
  repair_appliance: 3,
  elder_escort: 3,
  elder_shopping: 3,
  elder_meals: 0,
  elder_visit: 0,
  child_care: 3,
  child_tutoring: 3,
  housekeeping: 3,
  legal: 4,
  counseling: 0,
  other: 3,
}

/** What the description says beyond filler ("请帮忙", the category's names): letters and digits only. */
export function realWords(category: Category, text: string): number {
  let rest = text.replace(/请帮忙|帮忙|麻烦/g, '')
  for (const w of [CATEGORY_LABELS[category], groupOf(category).label]) rest = rest.split(w).join('')
  return (rest.match(/[\p{L}\p{N}]/gu) ?? []).length
}

/** The plain message when a description says too little for its category, else null. */
export function descriptionProblem(category: Category, text: string): string | null {
  const min = DESCRIPTION_MIN[category]
  if (!min || realWords(category, text) >= min) return null
  return `请写清楚具体情况（至少${min}个字），比如哪里坏了、要去哪里、什么时间`
}

/** Why an appointment time is refused for this category (missing or past), else null. */
export function appointmentProblem(category: Category, at: number | null | undefined, now: number): 'APPOINTMENT_REQUIRED' | 'APPOINTMENT_PAST' | null {
  if (!APPOINTMENT.includes(category)) return null
  if (!at) return 'APPOINTMENT_REQUIRED'
  return at < now ? 'APPOINTMENT_PAST' : null
}

/** A service at the door needs the room number. */
export const needsRoom = (category: Category, room: string | null | undefined): boolean => AT_HOME.includes(category) && !room?.trim()

/** 302 → 302室; what the person typed otherwise (e.g. 3楼东户). */
export const roomText = (room: string) => (/^\d+$/.test(room) ? `${room}室` : room)

/** '楼栋长 王阿姨 代 李奶奶 提交了需求' */
export const proxyCreateText = (role: string, proxyName: string, neighbourName: string) => `${role} ${proxyName} 代 ${neighbourName} 提交了需求`
