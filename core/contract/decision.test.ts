import { allow, deny, enforce } from './decision'
import { errorCatalog } from './errors'

const catalog = errorCatalog({ OWN_CASE: '自己的事要由别人办' })

describe('enforce', () => {
  it('passes an allowed decision on, with what the rule found', () => {
    expect(enforce(allow)).toEqual({ ok: true })
    expect(enforce({ ok: true, actor: 'owner' } as const).actor).toBe('owner')
  })
  it('throws the refusal with the catalog message, or its own', () => {
    expect(() => enforce(deny('OWN_CASE'), catalog)).toThrow(expect.objectContaining({ code: 'OWN_CASE', message: '自己的事要由别人办' }))
    expect(() => enforce(deny('FORBIDDEN', '只能管自己的网格'))).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: '只能管自己的网格' }))
    expect(deny('FORBIDDEN')).toEqual({ ok: false, code: 'FORBIDDEN' })
  })
})
