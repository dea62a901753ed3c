import { mayReportMore, REPORTS_PER_DAY, reporterDayId } from './limits'

describe('reports a day', () => {
  it('lets a resident or a 楼栋长 report five cases a day, and not a sixth', () => {
    expect(REPORTS_PER_DAY).toBe(5)
    for (const roles of [['resident'], ['resident', 'building_lead']] as const) {
      expect(mayReportMore(roles, 4)).toBe(true)
      expect(mayReportMore(roles, 5)).toBe(false)
    }
  })
  it('does not limit staff and admins, who log cases as their work', () => {
    expect(mayReportMore(['resident', 'staff'], 50)).toBe(true)
    expect(mayReportMore(['resident', 'admin'], 50)).toBe(true)
  })
  it('counts per person and China day', () => {
    expect(reporterDayId('o1', '2026-12-05')).toBe('o1.2026-12-05')
  })
})
