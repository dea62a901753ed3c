import type * as z from 'zod'
import type { FieldIssue } from '../core/contract/errors'

export type { FieldIssue }

type Issue = z.core.$ZodRawIssue

/**
 * Plain Chinese for zod issues that have no message of their own in the contract
 * (contracts set messages on the fields residents type; this covers the rest).
 */
export function chineseIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '请填写这一项' : '这一项的格式不对'
    case 'too_small':
      return issue.origin === 'string' ? `至少填写${issue.minimum}个字` : issue.origin === 'array' ? `至少选${issue.minimum}项` : `不能小于${issue.minimum}`
    case 'too_big':
      return issue.origin === 'string' ? `最多${issue.maximum}个字` : issue.origin === 'array' ? `最多选${issue.maximum}项` : `不能大于${issue.maximum}`
    case 'invalid_value':
    case 'invalid_union':
      return '请从给出的选项中选择'
    case 'invalid_format':
      return '格式不对，请检查'
    case 'unrecognized_keys':
      return '有多余的内容'
    case 'not_multiple_of':
      return '数值不对'
    default:
      return '这一项填写有误'
  }
}

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
}
