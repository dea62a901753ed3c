/**
 * Hotspots: categories and buildings whose count this month is well above their usual level — a
 * suggestion for a 议事 topic. The rule: usual = the average of the three months before; a hotspot
 * has at least HOT_MIN orders this month and at least HOT_FACTOR × usual (with no history, the
 * minimum alone). The month so far is compared with whole months, so a hotspot early in a month is
 * already well above.
 */
export const HOT_MIN = 5
export const HOT_FACTOR = 2

type Counts = { category: Record<string, number>; building: Record<string, number> }

export interface Hotspot {
  kind: 'category' | 'building'
  id: string
  label: string
  count: number
  /** The average of the three months before, one decimal. */
  usual: number
}

export function hotspotsOf(p: { now: Counts; before: Counts[]; categoryLabel: (id: string) => string; buildingName: (id: string) => string }): Hotspot[] {
  const find = (kind: Hotspot['kind'], label: (id: string) => string): Hotspot[] =>
    Object.entries(p.now[kind]).flatMap(([id, count]) => {
      const usual = p.before.length ? p.before.reduce((s, b) => s + (b[kind][id] ?? 0), 0) / p.before.length : 0
      return count >= HOT_MIN && count >= HOT_FACTOR * usual ? [{ kind, id, label: label(id), count, usual: Math.round(usual * 10) / 10 }] : []
    })
  return [...find('category', p.categoryLabel), ...find('building', p.buildingName)].sort((a, b) => b.count - b.usual - (a.count - a.usual) || Number(a.kind === 'building') - Number(b.kind === 'building') || a.id.localeCompare(b.id))
}
