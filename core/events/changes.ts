/** What changed in an event, in words for the people signed up (China time). */
import type { EventDoc } from './model'
import { toPicked } from './times'

/** 'M月D日 HH:mm' in China time. */
export function cstShort(at: number): string {
  const { date, time } = toPicked(at)
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日 ${time}`
}

/** "时间改为 12月8日 14:30 至 16:30；地点改为 3号楼会议室", or '' when nothing they need to know changed. */
export function changeText(before: EventDoc, after: EventDoc): string {
  const parts: string[] = []
  if (before.startAt !== after.startAt || before.endAt !== after.endAt) {
    const sameDay = toPicked(after.startAt).date === toPicked(after.endAt).date
    parts.push(`时间改为 ${cstShort(after.startAt)} 至 ${sameDay ? toPicked(after.endAt).time : cstShort(after.endAt)}`)
  }
  if (before.place !== after.place) parts.push(`地点改为 ${after.place}`)
  if (before.deadline !== after.deadline) parts.push(`报名截止改为 ${cstShort(after.deadline)}`)
  if (before.title !== after.title) parts.push(`名称改为「${after.title}」`)
  return parts.join('；')
}
