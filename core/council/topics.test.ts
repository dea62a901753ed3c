import { FINAL_TOPIC_STATUSES, TOPIC_ACTORS, TOPIC_EVENT_ACTORS, TOPIC_EVENT_TYPES, TOPIC_STATUSES, topicTarget, transitionTopic, type TopicEvent, type TopicEventType, type TopicStatus } from './topics'

const SAMPLE: Record<TopicEventType, TopicEvent> = {
  ACCEPT: { type: 'ACCEPT' },
  MERGE: { type: 'MERGE', into: 't2' },
  CONVERT: { type: 'CONVERT', to: 'order', refId: 'o1' },
  DECLINE: { type: 'DECLINE', reason: '不属于社区事务' },
  WITHDRAW: { type: 'WITHDRAW' },
  SCHEDULE: { type: 'SCHEDULE', sessionId: 's1' },
  DISCUSS: { type: 'DISCUSS', summary: '大家同意' },
  DECIDE: { type: 'DECIDE', decision: '修好路灯' },
  DEFER: { type: 'DEFER', reason: '等物业答复' },
  CARRY: { type: 'CARRY', sessionId: 's2' },
  BEGIN: { type: 'BEGIN' },
  FINISH: { type: 'FINISH' },
  RATE: { type: 'RATE', satisfied: true },
}
const pairs = TOPIC_STATUSES.flatMap((s) => TOPIC_EVENT_TYPES.map((e) => [s, e] as const))
const allowed = pairs.filter(([s, e]) => topicTarget(s, e))
const refused = pairs.filter(([s, e]) => !topicTarget(s, e))

describe('topic machine', () => {
  it.each(allowed)('%s --%s--> goes where the table says, for the actor it names and no other', (status, type) => {
    for (const actor of TOPIC_ACTORS) {
      const may = (TOPIC_EVENT_ACTORS[type] as readonly string[]).includes(actor)
      expect(transitionTopic(status, SAMPLE[type], actor)).toEqual(may ? { ok: true, to: topicTarget(status, type) } : { ok: false, code: 'FORBIDDEN' })
    }
  })
  it.each(refused)('%s --%s--> is refused', (status, type) => {
    expect(transitionTopic(status, SAMPLE[type], TOPIC_EVENT_ACTORS[type][0])).toEqual({ ok: false, code: 'BAD_STATE' })
  })
  it('every status is reachable from submitted; the ends are merged, converted, declined, withdrawn and closed', () => {
    const seen = new Set<TopicStatus>(['submitted'])
    const todo: TopicStatus[] = ['submitted']
    while (todo.length) {
      const s = todo.pop()!
      for (const e of TOPIC_EVENT_TYPES) {
        const t = topicTarget(s, e)
        if (t && !seen.has(t)) {
          seen.add(t)
          todo.push(t)
        }
      }
    }
    expect([...seen].sort()).toEqual([...TOPIC_STATUSES].sort())
    expect([...FINAL_TOPIC_STATUSES].sort()).toEqual(['closed', 'converted', 'declined', 'merged', 'withdrawn'])
  })
  it('a deferred topic comes back on the next agenda; a raiser cannot withdraw once it is on one', () => {
    expect(transitionTopic('deferred', SAMPLE.CARRY, 'system')).toEqual({ ok: true, to: 'on_agenda' })
    expect(transitionTopic('on_agenda', SAMPLE.WITHDRAW, 'raiser')).toEqual({ ok: false, code: 'BAD_STATE' })
  })
})
