import fc from 'fast-check'
import type * as z from 'zod'
import { ALL_ACTIONS } from '../registry'
import { longText, nameSchema, optionalText, text, token } from './text'
import { checkedTexts, stringFields } from './walk'

const FORBIDDEN_AFTER = /[\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}\u2800]/u
const FORBIDDEN_AFTER_MULTILINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}\u2800]/u

const issueOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message

describe('names people cannot see are refused', () => {
  it.each([
    ['zero-width space', '\u200b'],
    ['zero-width joiners', '\u200d\u200d\u200d'],
    ['braille blank', '\u2800'],
    ['hangul filler', '\u3164'],
    ['halfwidth hangul filler and word joiner', '\uffa0\u2060'],
    ['BOM and bidi override', '\ufeff\u202e'],
    ['only spaces', ' \u3000 '],
    ['only punctuation', '……'],
  ])('%s', (_n, name) => {
    const r = nameSchema.safeParse(name)
    expect(r.success).toBe(false)
    expect(issueOf(r)).toMatch(/请填写姓名|姓名里要有文字/)
  })
  it.each([
    ['NUL', '王\u0000'],
    ['an ANSI escape sequence', '\u001b[31m王\u001b[0m'],
    ['a carriage return (splits a CSV row)', '王\r=1+2'],
    ['a line break', '王\n李'],
    ['a C1 control', '王\u0085'],
    ['a lone surrogate', '王\ud800'],
  ])('%s → a plain message', (_n, name) => {
    const r = nameSchema.safeParse(name)
    expect(r.success).toBe(false)
    expect(issueOf(r)).toBe('姓名含有看不见的控制字符，请删掉后重新输入')
  })
  it('real names pass, cleaned', () => {
    expect(nameSchema.parse('  王秀英 ')).toBe('王秀英')
    expect(nameSchema.parse('王\u200b秀\u202e英')).toBe('王秀英')
    expect(nameSchema.parse('Anna-Lena')).toBe('Anna-Lena')
    expect(nameSchema.parse('买买提·艾力')).toBe('买买提·艾力')
  })
})

describe('free text', () => {
  it('multi-line keeps line breaks and tabs, turns CRLF into LF, refuses other controls', () => {
    const s = longText('说明', 100)
    expect(s.parse('第一行\r\n第二行\t完')).toBe('第一行\n第二行\t完')
    expect(s.safeParse('坏\u0007').success).toBe(false)
    expect(s.safeParse('坏\r').success).toBe(false)
  })
  it('single-line text refuses line breaks', () => {
    expect(text('地点', 50).safeParse('活动室\n二楼').success).toBe(false)
  })
  it('optional text may be empty; length counts after cleaning', () => {
    expect(optionalText('地址补充', 5).parse('')).toBe('')
    expect(optionalText('地址补充', 5).parse(undefined)).toBeUndefined()
    expect(text('标题', 3).parse('\u200b一二三\u200b')).toBe('一二三')
  })
  it('tokens are printable ASCII only', () => {
    const t = token('兑换码', 4, 20)
    expect(t.parse(' ABCD-EFGH ')).toBe('ABCD-EFGH')
    expect(t.safeParse('ABCD\u200bEFGH').success).toBe(false)
    expect(t.safeParse('ABCD\u0000').success).toBe(false)
  })

  const hostile = fc.string({ unit: fc.oneof(fc.constantFrom('\u0000', '\u001b', '\r', '\n', '\t', '\u0085', '\u200b', '\u200d', '\u202e', '\u2066', '\u2800', '\u3164', '\ufeff', '\ufe0f', '\ud800', 'a', '王', ' ', '=', '"', ','), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 40 })
  const fuzz = (schema: z.ZodType, forbidden: RegExp, numRuns: number) =>
    fc.assert(
      fc.property(hostile, (s) => {
        const r = schema.safeParse(s)
        if (r.success) return typeof r.data !== 'string' || (!forbidden.test(r.data) && r.data === r.data.trim())
        return r.error.issues.every((i) => /[\u4e00-\u9fa5]/.test(i.message))
      }),
      { numRuns, seed: 20261204 },
    )
  it.each([
    ['single line', text('内容', 200), FORBIDDEN_AFTER],
    ['multi-line', longText('内容', 200), FORBIDDEN_AFTER_MULTILINE],
    ['name', nameSchema, FORBIDDEN_AFTER],
  ] as const)('%s: any input is refused with a Chinese message or comes out clean (fuzz)', (_n, schema, forbidden) => fuzz(schema, forbidden, 2000))

  const everyField = ALL_ACTIONS.flatMap((c) => stringFields(c.input).filter((f) => f.meta).map((f) => [`${c.fn}.${c.action} ${f.path}`, f] as const))
  it.each(everyField)('%s: hostile input is refused or cleaned (fuzz)', (_n, f) => fuzz(f.schema, f.meta!.multiline ? FORBIDDEN_AFTER_MULTILINE : FORBIDDEN_AFTER, 300))
})

describe('every string a caller can send is free text or a constrained format', () => {
  const fields = ALL_ACTIONS.flatMap((c) => stringFields(c.input).map((f) => ({ action: `${c.fn}.${c.action}`, ...f })))
  it('no loose strings', () => {
    expect(fields.filter((f) => !f.meta && !f.constrained).map((f) => `${f.action} ${f.path}`)).toEqual([])
  })
  it('finds the free-text fields (a sample)', () => {
    const names = fields.filter((f) => f.meta).map((f) => `${f.action} ${f.path}`)
    expect(names).toEqual(expect.arrayContaining(['users.updateProfile name', 'users.applyVolunteer intro', 'events.publish title', 'points.upsertGift name', 'points.adjust reason', 'orders.create onBehalfOf.name']))
  })
  it('checkedTexts picks the values of checked fields from a parsed input, search words excepted', () => {
    const [create] = ALL_ACTIONS.filter((c) => c.fn === 'orders' && c.action === 'create')
    const input = create.input.parse({ category: 'other', description: '帮忙搬花盆', address: '', onBehalfOf: { name: '李奶奶', buildingId: 'b1' } })
    expect(checkedTexts(create.input, input).map((t) => [t.path, t.text])).toEqual([
      ['description', '帮忙搬花盆'],
      ['onBehalfOf.name', '李奶奶'],
    ])
    const [listUsers] = ALL_ACTIONS.filter((c) => c.fn === 'users' && c.action === 'listUsers')
    expect(checkedTexts(listUsers.input, listUsers.input.parse({ keyword: '王' }))).toEqual([])
  })
})
