/**
 * The server's field details (`{ code: 'INVALID_INPUT', details: [{ path: 'phone', message: '请填写11位手机号' }] }`)
 * placed at the fields a form shows. A detail for `photos.2` belongs to the field `photos`.
 */
import type { FieldIssue } from '@core/contract/errors'

function issuesOf(error: unknown): FieldIssue[] {
  const details = (error as { details?: unknown } | undefined)?.details
  if (!Array.isArray(details)) return []
  return details.filter((d): d is FieldIssue => !!d && typeof (d as FieldIssue).path === 'string' && typeof (d as FieldIssue).message === 'string')
}

const under = (issuePath: string, field: string) => issuePath === field || issuePath.startsWith(`${field}.`)

/** The first message for `field` (or anything inside it), if the error names it. */
export function messageAt(error: unknown, field: string): string | undefined {
  return issuesOf(error).find((i) => under(i.path, field))?.message
}

/**
 * What to say at the foot of a form: the error's own message when it names no field; when it does,
 * the messages of fields the form does not show (so none is lost), or a pointer to the red text.
 */
export function formMessage(error: unknown, shownFields: readonly string[]): string | undefined {
  if (!error) return undefined
  const issues = issuesOf(error)
  if (!issues.length) return (error as { message?: string }).message
  const elsewhere = issues.filter((i) => !shownFields.some((f) => under(i.path, f)))
  if (elsewhere.length) return [...new Set(elsewhere.map((i) => i.message))].join('；')
  return issues.length > 1 ? `有${issues.length}处要改一下，请看上面的红字` : '有一处要改一下，请看上面的红字'
}
