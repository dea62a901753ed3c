import { changeText, cstShort } from './changes'
import type { EventDoc } from './model'
import { fromPicked } from './times'

const at = (date: string, time: string) => fromPicked({ date, time })
const base = { title: '义诊', place: '社区活动室', startAt: at('2026-12-08', '14:30'), endAt: at('2026-12-08', '16:30'), deadline: at('2026-12-07', '18:00') } as EventDoc

describe('what changed, in words', () => {
  it('says the new time (the end as a time on the same day), place, deadline and name', () => {
    expect(cstShort(at('2026-12-08', '09:05'))).toBe('12月8日 09:05')
    expect(changeText(base, { ...base, place: '3号楼会议室' })).toBe('地点改为 3号楼会议室')
    expect(changeText(base, { ...base, startAt: at('2026-12-09', '09:00'), endAt: at('2026-12-09', '11:00') })).toBe('时间改为 12月9日 09:00 至 11:00')
    expect(changeText(base, { ...base, endAt: at('2026-12-09', '11:00') })).toBe('时间改为 12月8日 14:30 至 12月9日 11:00')
    expect(changeText(base, { ...base, deadline: at('2026-12-08', '12:00'), title: '冬季义诊' })).toBe('报名截止改为 12月8日 12:00；名称改为「冬季义诊」')
  })
  it('says nothing when nothing changed', () => {
    expect(changeText(base, { ...base })).toBe('')
  })
})
