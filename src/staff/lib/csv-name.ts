import { chinaParts } from '@core/china-time'

/** Characters a file name may not hold on a phone or a PC (and spaces, which chats cut at). */
const UNSAFE = /[\\/:*?"<>|\s]+/g

/**
 * A CSV's file name people recognise when it arrives in a chat: what it is, the event and its day
 * (China time), e.g. '对账-重阳节义诊-12月8日.csv'. Parts that are empty are left out.
 */
export function csvFileName(what: string, event?: { title: string; startAt: number }, on?: number): string {
  const day = (at: number) => `${chinaParts(at).m}月${chinaParts(at).d}日`
  const parts = [what, event?.title, event ? day(event.startAt) : on !== undefined ? day(on) : '']
  return `${parts.map((p) => (p ?? '').replace(UNSAFE, '').slice(0, 30)).filter(Boolean).join('-')}.csv`
}

/** A report's file name: what, whose and which month, e.g. '三率-第一网格-2026年11月.csv'. */
export function reportFileName(what: string, scope: string, month: string): string {
  const [y, m] = month.split('-').map(Number)
  return `${[what, scope, `${y}年${m}月`].map((p) => p.replace(UNSAFE, '').slice(0, 30)).filter(Boolean).join('-')}.csv`
}
