/**
 * Privacy of 微心愿: every action of the wishes function, on wishes in every state, called by a
 * resident who is not staff, a donor with claims, a volunteer, a 网格员 of another grid, the street
 * office, and callers of another community (a resident, a 网格员, an admin). Whatever each gets back
 * — an answer or a refusal — the JSON holds no name, phone, address or guardian of a child. The
 * grid's own 网格员 is the control: the same search finds them in the staff view.
 */
import type { ActionContract } from '../../core/contract/define'
import { PERSONAS } from '../../core/demo/personas'
import { wishesFn } from '../../core/wishes/contract'
import { callAs, okAs } from '../support/call'
import { newResident } from '../support/people'
import { beneficiary, itemWish, privateOf, publishedWish, serviceWish, wishWorld, type WishWorld } from './wishes-support'

type Wishes = typeof wishesFn
type States = Awaited<ReturnType<typeof wishesIn>>

let w: WishWorld
let s: States
let callers: Record<string, string>
const kids = [beneficiary(), beneficiary(), beneficiary(), beneficiary(), beneficiary(), beneficiary()]
const secrets = kids.flatMap(privateOf)
const photo = 'cloud://local.6c6f-local-1250000000/wishes/gift.jpg'

/** A wish in each state, each for a different child; a donor holding a claim and one whose gift was received. */
async function wishesIn(world: WishWorld, donor: string) {
  const draft = (await okAs(world.staff, wishesFn.saveDraft, itemWish(world.s.gridId, kids[0])))._id
  const review = (await okAs(world.staff, wishesFn.saveDraft, serviceWish(world.s.gridId, kids[1])))._id
  await okAs(world.staff, wishesFn.submit, { wishId: review })
  const published = await publishedWish(world, itemWish(world.s.gridId, kids[2], { shares: 10 }))
  await okAs(donor, wishesFn.claim, { wishId: published })
  const received = await publishedWish(world, serviceWish(world.s.gridId, kids[3]))
  await okAs(donor, wishesFn.claim, { wishId: received })
  await okAs(world.staff, wishesFn.receive, { claimId: `${received}-${donor}` })
  const delivered = await publishedWish(world, itemWish(world.s.gridId, kids[4]))
  await okAs(donor, wishesFn.claim, { wishId: delivered })
  await okAs(world.staff, wishesFn.receive, { claimId: `${delivered}-${donor}` })
  await okAs(world.staff, wishesFn.deliver, { wishId: delivered, photos: [photo] })
  const thanked = await publishedWish(world, itemWish(world.s.gridId, kids[5]))
  const donor2 = await world.person()
  await okAs(donor2, wishesFn.claim, { wishId: thanked })
  await okAs(world.staff, wishesFn.receive, { claimId: `${thanked}-${donor2}` })
  await okAs(world.staff, wishesFn.deliver, { wishId: thanked })
  await okAs(world.staff, wishesFn.fulfil, { wishId: thanked, byGuardian: true })
  await okAs(world.staff, wishesFn.thank, { wishId: thanked, message: '谢谢您送的书包' })
  return { draft, review, published, received, delivered, thanked, donor2 }
}

/** Every action's inputs against those wishes (the type makes a new action fail to compile until it is here). */
const INPUTS: { [K in keyof Wishes]: (s: States, caller: string) => unknown[] } = {
  saveDraft: (x) => [{ ...itemWish(w.s.gridId, kids[0]), wishId: x.draft }, itemWish(w.s.gridId, kids[0])],
  submit: (x) => [{ wishId: x.draft }],
  review: (x) => [{ wishId: x.review, approve: false, reason: '再核实一下' }],
  withdraw: (x) => [{ wishId: x.published, reason: '核实后撤下' }],
  list: () => [{}],
  wish: (x) => [x.draft, x.review, x.published, x.received, x.delivered, x.thanked].map((wishId) => ({ wishId })),
  claim: (x) => [{ wishId: x.published }, { wishId: x.review }],
  cancelClaim: (x) => [{ wishId: x.published }],
  myClaims: () => [{}],
  receive: (x, me) => [{ claimId: `${x.published}-${me}` }, { claimId: `${x.published}-${callers.donor}` }],
  recordConsent: (x) => [{ wishId: x.delivered, guardianName: kids[4].guardian.name }],
  deliver: (x) => [{ wishId: x.received, photos: [photo] }],
  fulfil: (x) => [{ wishId: x.delivered, byGuardian: true }],
  thank: (x) => [{ wishId: x.delivered, message: '谢谢' }],
  staffList: () => [{}, { status: 'published' }],
  staffWish: (x) => [x.draft, x.published, x.thanked].map((wishId) => ({ wishId })),
  metrics: () => [{}],
}

beforeAll(async () => {
  w = await wishWorld()
  const donor = await w.person()
  s = await wishesIn(w, donor)
  const [volunteer, resident, elsewhere] = await Promise.all([w.volunteer(), w.person(), newResident({ buildingId: 'b2' })])
  await okAs(volunteer, wishesFn.claim, { wishId: s.published })
  callers = {
    resident,
    donor,
    donorOfThanked: s.donor2,
    volunteer,
    staffOfAnotherGrid: w.staffOther,
    streetOffice: w.s.admin,
    residentElsewhere: elsewhere.openid,
    staffElsewhere: PERSONAS.staffZhang.openid,
    adminElsewhere: PERSONAS.admin.openid,
  }
})

const leaked = (json: string) => secrets.filter((x) => json.includes(x))
const actions = Object.values(wishesFn) as ActionContract[]

test('the control: the grid\'s own 网格员 finds the child\'s details in the staff view (so the search below can find a leak)', async () => {
  const json = JSON.stringify(await callAs(w.staff, wishesFn.staffWish, { wishId: s.published }))
  expect(leaked(json)).toEqual(privateOf(kids[2]))
})

describe.each(['resident', 'donor', 'donorOfThanked', 'volunteer', 'staffOfAnotherGrid', 'streetOffice', 'residentElsewhere', 'staffElsewhere', 'adminElsewhere'])('as %s', (who) => {
  test.each(actions.map((a) => [a.action, a] as const))('%s: nothing of a child in the answer', async (name, action) => {
    const me = callers[who]
    const answers: string[] = []
    for (const input of INPUTS[name as keyof Wishes](s, me)) {
      const r = await callAs(me, action, input)
      if (!r.ok) expect(r.error.code).not.toBe('INTERNAL')
      answers.push(JSON.stringify(r))
    }
    expect(answers.flatMap(leaked)).toEqual([])
  })
})

test('what donors are allowed to see they do see (the checks above ran on real answers)', async () => {
  const seen = await okAs(callers.donor, wishesFn.myClaims, {})
  expect(seen.items.map((i) => i._id).sort()).toEqual([s.published, s.received, s.delivered].sort())
  expect(seen.items.every((i) => i.alias && i.ageBand && i.grade)).toBe(true)
  expect((await okAs(callers.donorOfThanked, wishesFn.wish, { wishId: s.thanked })).thanks).toBe('谢谢您送的书包')
  expect((await okAs(callers.resident, wishesFn.list, {})).items.length).toBeGreaterThan(0)
  // the handover photos go to the wish's donors, not to every neighbour
  expect((await okAs(callers.donor, wishesFn.wish, { wishId: s.delivered })).photos).toEqual([photo])
  expect((await okAs(callers.resident, wishesFn.wish, { wishId: s.delivered })).photos).toEqual([])
})
