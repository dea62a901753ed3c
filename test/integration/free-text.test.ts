/**
 * Free text through the real SDK: invisible and control characters never reach the database, and
 * every free text other people read passes the content check, with the refusal at its field.
 */
import { PERSONAS } from '../../core/demo/personas'
import { eventsFn } from '../../core/events/contract'
import { pointsFn } from '../../core/points/contract'
import { users } from '../../core/users/contract'
import { callAs, okAs, sdkDb } from '../support/call'
import { newResident } from '../support/people'
import { publishBase } from './points-support'

const profile = { phone: '13712340000', buildingId: 'b1', unitId: 'b1-1' }

describe('users.updateProfile names', () => {
  test.each([
    ['a zero-width space', '\u200b'],
    ['zero-width joiners', '\u200d\u200d'],
    ['a braille blank', '\u2800'],
    ['a hangul filler', '\u3164'],
    ['NUL', '\u0000'],
    ['an ANSI escape sequence', '\u001b[2J'],
  ])('a name that is only %s is refused at the field, nothing stored', async (_n, name) => {
    const { openid } = await newResident({ name: '原来的名字' })
    const r = await callAs(openid, users.updateProfile, { ...profile, name })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'name', message: expect.stringMatching(/姓名/) }] } })
    expect((await sdkDb().collection('users').doc(openid).get()).data.name).toBe('原来的名字')
  })

  test('invisible characters inside a real name are removed before it is stored', async () => {
    const { openid } = await newResident()
    await okAs(openid, users.updateProfile, { ...profile, name: '\u202e李\u200b桂\u2060兰\ufeff' })
    expect((await sdkDb().collection('users').doc(openid).get()).data.name).toBe('李桂兰')
  })
})

describe('content check of text others read', () => {
  test('an event title is checked; the refusal names the field', async () => {
    const r = await callAs(PERSONAS.staffZhang.openid, eventsFn.publish, { ...publishBase(), title: '教你怎么赌博' })
    expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_RISKY', details: [{ path: 'title', message: '活动名称含有不合适的词语，请修改' }] } })
  })

  test('a volunteer introduction and a gift name are checked', async () => {
    const { openid } = await newResident()
    expect(await callAs(openid, users.applyVolunteer, { skills: ['other'], availableTimes: ['weekend_morning'], intro: '兼职刷单' })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_RISKY', details: [{ path: 'intro' }] },
    })
    const now = Date.now()
    expect(await callAs(PERSONAS.admin.openid, pointsFn.upsertGift, { name: '冰毒', price: 5, totalStock: 1, activeFrom: now, activeTo: now + 1e6 })).toMatchObject({
      ok: false,
      error: { code: 'CONTENT_RISKY', details: [{ path: 'name' }] },
    })
  })

  test('a reason shown in a resident\'s points statement is checked', async () => {
    const { openid } = await newResident()
    const r = await callAs(PERSONAS.staffZhang.openid, pointsFn.adjust, { openid, delta: 1, reason: '奖励海洛因', requestId: 'abcdefgh1234' })
    expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_RISKY', details: [{ path: 'reason' }] } })
  })
})
