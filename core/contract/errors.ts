/**
 * Structured errors: a stable `code` and a plain Chinese `message` a resident understands.
 * Expected outcomes are values on the wire ({ ok: false, error }); the client turns them into AppError.
 */
export const COMMON_ERRORS = {
  INVALID_INPUT: '填写的内容有误，请检查后再提交',
  UNAUTHENTICATED: '请先登录后再试',
  NOT_REGISTERED: '请先完善个人信息（姓名、电话、住址）',
  FORBIDDEN: '您没有权限做这件事，如有疑问请联系网格员',
  NOT_FOUND: '没有找到相关内容，可能已被删除',
  OTHER_COMMUNITY: '这是其他社区的事，请切换到那个社区，或请那个社区的工作人员办理',
  BAD_STATE: '当前状态下不能这样操作，请刷新后再看',
  BUSY: '现在办理的人多，请稍后再试',
  UNKNOWN_ACTION: '这个功能暂时用不了，请更新小程序后再试',
  CONTENT_RISKY: '内容含有不合适的词语，请修改后再提交',
  PHOTO_RISKY: '有照片不合适，请换一张',
  PHOTO_TOO_BIG: '照片太大了，请换一张或重新拍',
  INTERNAL: '系统出了点小问题，请稍后再试，或直接打电话给社区',
} as const

export type CommonErrorCode = keyof typeof COMMON_ERRORS

export interface ErrorBody {
  code: string
  message: string
  /** e.g. which fields were wrong: [{ path: 'phone', message: '请填写11位手机号' }] */
  details?: unknown
}

/** One wrong field, as the page shows it: `{ path: 'phone', message: '请填写11位手机号' }` (nested: `onBehalfOf.name`). */
export interface FieldIssue {
  path: string
  message: string
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
  }
  toJSON(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}

/**
 * A feature's own error codes with their messages, e.g.
 * `export const orderError = errorCatalog({ ORDER_TAKEN: '已被接单，看看别的单子吧' })`,
 * then `throw orderError('ORDER_TAKEN')`. Common codes are always available too.
 */
export function errorCatalog<T extends Record<string, string>>(messages: T) {
  const all = { ...COMMON_ERRORS, ...messages } as Record<string, string>
  type Code = (keyof T | CommonErrorCode) & string
  const make = (code: Code, details?: unknown): AppError => new AppError(code, all[code], details)
  /** The same error, shown at the field it concerns: `usersError.at('buildingId', 'UNKNOWN_BUILDING')`. */
  const at = (path: string, code: Code): AppError => make(code, [{ path, message: all[code] } satisfies FieldIssue])
  return Object.assign(make, { messages: all, codes: Object.keys(messages) as (keyof T & string)[], at })
}

export const commonError = errorCatalog({})

/** What every function returns for an action. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }
