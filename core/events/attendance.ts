/**
 * Attendance of an event for the reconciliation (pure): who signed up, who came, and every walk-in
 * with the staff member who added it — the trace of points given to people who did not sign up.
 */
import { toCsv } from '../csv'
import type { RegistrationDoc } from './model'

export interface AttendanceSummary {
  signedUp: number
  attended: number
  walkIns: number
  pointsAwarded: number
  walkInList: { name: string; by: string; at: number | null; awarded: number }[]
}

/** `names`: staff names by OPENID (who added the walk-ins). */
export function attendanceOf(regs: readonly RegistrationDoc[], names: ReadonlyMap<string, string>): AttendanceSummary {
  const came = regs.filter((r) => r.status === 'attended')
  const walkIns = came.filter((r) => r.walkIn)
  return {
    signedUp: regs.filter((r) => !r.walkIn && r.status !== 'cancelled').length,
    attended: came.length,
    walkIns: walkIns.length,
    pointsAwarded: came.reduce((sum, r) => sum + (r.awarded ?? 0), 0),
    walkInList: walkIns.map((r) => ({ name: r.name, by: (r.walkInBy && names.get(r.walkInBy)) || '工作人员', at: r.checkedInAt ?? null, awarded: r.awarded ?? 0 })),
  }
}

const STATUS = { registered: '已报名', waiting: '候补', cancelled: '已取消', attended: '已到场', no_show: '未到' } as const

/** One row per registration: how the person came in, who added a walk-in, the points credited. */
export function attendanceCsv(regs: readonly RegistrationDoc[], names: ReadonlyMap<string, string>, at: (ms: number) => string): string {
  return toCsv(
    ['姓名', '状态', '方式', '现场登记人', '签到时间', '签到积分'],
    regs.map((r) => [
      r.name,
      STATUS[r.status],
      r.walkIn ? '现场登记' : '报名',
      r.walkIn ? ((r.walkInBy && names.get(r.walkInBy)) || '工作人员') : '',
      r.checkedInAt ? at(r.checkedInAt) : '',
      r.awarded ?? 0,
    ]),
  )
}
