import { CronExpressionParser } from 'cron-parser'

/**
 * WeChat cloud timer triggers use a 7-field cron: second minute hour day month weekday year,
 * evaluated in Beijing time. cron-parser handles the first six; the year field is checked here.
 */
export const CRON_TZ = 'Asia/Shanghai'

export interface WxCron {
  /** Next fire time strictly after `after`, or undefined when the schedule has ended. */
  next(after: Date): Date | undefined
}

export function parseWxCron(expr: string): WxCron {
  const fields = expr.trim().split(/\s+/)
  if (fields.length !== 7 && fields.length !== 6) {
    throw new Error(`cron "${expr}" must have 7 fields (second minute hour day month weekday year)`)
  }
  const yearField = fields.length === 7 ? fields[6] : '*'
  const years = parseYears(yearField)
  const six = fields.slice(0, 6).join(' ')
  // Validate now, so a bad config is reported when loaded, not when it would fire.
  CronExpressionParser.parse(six, { tz: CRON_TZ })
  return {
    next(after: Date): Date | undefined {
      let from = after
      for (let i = 0; i < 100; i++) {
        let d: Date
        try {
          d = CronExpressionParser.parse(six, { currentDate: from, tz: CRON_TZ }).next().toDate()
        } catch {
          return undefined
        }
        const y = beijingYear(d)
        if (!years || years(y)) return d
        // Jump to the next allowed year (midnight of 1 January, Beijing time, is 16:00 UTC the day before).
        let ny = y + 1
        while (ny <= years.max && !years(ny)) ny++
        if (ny > years.max) return undefined
        from = new Date(Date.UTC(ny - 1, 11, 31, 16, 0, 0) - 1)
      }
      return undefined
    },
  }
}

type YearTest = ((y: number) => boolean) & { max: number }

const yearFmt = new Intl.DateTimeFormat('en-US', { timeZone: CRON_TZ, year: 'numeric' })
const beijingYear = (d: Date) => Number(yearFmt.format(d))

/** `*`, `2030`, `2030-2032`, `2030,2035`, `2030/2` (every 2 years from 2030). */
function parseYears(field: string): YearTest | undefined {
  if (field === '*' || field === '?') return undefined
  const tests: Array<(y: number) => boolean> = []
  let max = 0
  for (const part of field.split(',')) {
    const m = /^(\d{4})(?:-(\d{4}))?(?:\/(\d+))?$/.exec(part)
    if (!m) throw new Error(`cron year field "${field}" is not understood`)
    const from = Number(m[1])
    const to = m[2] ? Number(m[2]) : m[3] ? 9999 : from
    const step = m[3] ? Number(m[3]) : 1
    max = Math.max(max, to)
    tests.push((y) => y >= from && y <= to && (y - from) % step === 0)
  }
  return Object.assign((y: number) => tests.some((t) => t(y)), { max })
}
