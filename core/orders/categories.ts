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
