import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import relativeTime from 'dayjs/plugin/relativeTime'

dayjs.locale('zh-cn')
dayjs.extend(relativeTime)

/** "3月5日 14:30" — how residents read a time. */
export function shortTime(t: string | number | Date): string {
  return dayjs(t).format('M月D日 HH:mm')
}

/** "3 天前" */
export function fromNow(t: string | number | Date): string {
  return dayjs(t).fromNow()
}

export { dayjs }
