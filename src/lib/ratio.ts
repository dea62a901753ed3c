import { pct } from '@/staff/parts/kpi/format'

/** A rate as the dashboards show it: 95%（37/39）, or —（0/0） when nothing was counted. */
export const ratio = (r: { value: number | null; num: number; den: number }): string => `${pct(r.value)}（${r.num}/${r.den}）`
