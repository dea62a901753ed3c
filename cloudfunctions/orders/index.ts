import { orders } from '../../core/orders/contract'
import { createFunction } from '../../server/runtime'
import { create } from './actions/create'
import { inbox, markRead } from './actions/inbox'
import { get, mine, pool, staffOrders, streetQueue, tasks, triageQueue } from './actions/lists'
import { runTick, tick } from './actions/tick'
import * as t from './actions/transitions'
import { setSla, sla } from './sla'

export const main = createFunction(
  orders,
  {
    create,
    get,
    mine,
    cancel: t.cancel,
    confirm: t.confirm,
    rate: t.rate,
    reopen: t.reopen,
    answerCheck: t.answerCheck,
    triageQueue,
    staffOrders,
    publish: t.publish,
    assign: t.assign,
    escalate: t.escalate,
    streetQueue,
    streetReply: t.streetReply,
    followUp: t.followUp,
    close: t.close,
    refer: t.refer,
    reject: t.reject,
    reassign: t.reassign,
    pool,
    accept: t.accept,
    start: t.start,
    reportDone: t.reportDone,
    release: t.release,
    tasks,
    inbox,
    markRead,
    sla,
    setSla,
    tick,
  },
  { timers: { tick: (ctx) => runTick(ctx) } },
)
