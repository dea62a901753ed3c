import { formMessage, messageAt } from './field-errors'

const invalid = (...details: { path: string; message: string }[]) => ({ code: 'INVALID_INPUT', message: '填写的内容有误，请检查后再提交', details })

describe('field errors', () => {
  it('puts each message at its field, the first one for a field, and nested paths at their field', () => {
    const err = invalid({ path: 'name', message: '请填写姓名' }, { path: 'phone', message: '请填写11位手机号' }, { path: 'name', message: '最多20个字' }, { path: 'photos.2', message: '照片地址不对' })
    expect(messageAt(err, 'name')).toBe('请填写姓名')
    expect(messageAt(err, 'phone')).toBe('请填写11位手机号')
    expect(messageAt(err, 'photos')).toBe('照片地址不对')
    expect(messageAt(err, 'phon')).toBeUndefined()
    expect(messageAt(undefined, 'name')).toBeUndefined()
  })

  it('at the foot: a pointer when every field is shown, the messages of fields not shown, the plain message without details', () => {
    const two = invalid({ path: 'name', message: '请填写姓名' }, { path: 'phone', message: '请填写11位手机号' })
    expect(formMessage(two, ['name', 'phone'])).toBe('有2处要改一下，请看上面的红字')
    expect(formMessage(invalid({ path: 'name', message: '请填写姓名' }), ['name'])).toBe('有一处要改一下，请看上面的红字')
    expect(formMessage(two, ['name'])).toBe('请填写11位手机号')
    expect(formMessage({ code: 'ORDER_TAKEN', message: '已被接单，看看别的单子吧' }, ['name'])).toBe('已被接单，看看别的单子吧')
    expect(formMessage(undefined, ['name'])).toBeUndefined()
  })

  it('ignores details that are not field issues', () => {
    expect(messageAt({ details: { cause: 'x' } }, 'cause')).toBeUndefined()
    expect(formMessage({ message: '网络不太好，请稍后再试', details: { cause: 'timeout' } }, [])).toBe('网络不太好，请稍后再试')
  })
})
