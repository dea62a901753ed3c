/** Orders the e2e tests need in a given state, made through the functions. */
import { PERSONAS } from '../../../core/demo/personas'
import { orders } from '../../../core/orders/contract'
import { e2eCloud, e2eDb } from './app'

/** A resident's order done by 李师傅 (published by 张网格员) and confirmed with 5 stars, its 回访 due now and asked by the timer. */
export async function askedOrder(openid: string, description: string): Promise<string> {
  const cloud = e2eCloud()
  const o = await cloud.okAs(openid, orders.create, { category: 'repair_pipe', description })
  await cloud.okAs(PERSONAS.staffZhang.openid, orders.publish, { orderId: o._id, points: 10 })
  await cloud.okAs(PERSONAS.volunteerLi.openid, orders.accept, { orderId: o._id })
  await cloud.okAs(PERSONAS.volunteerLi.openid, orders.reportDone, { orderId: o._id, note: '疏通好了' })
  await cloud.okAs(openid, orders.confirm, { orderId: o._id, stars: 5 })
  // three days pass: the 回访 falls due (its clock and the timer's key moved back)
  const doc = (await e2eDb().collection('orders').doc(o._id).get()).data
  const past = Date.now() - 60_000
  await e2eDb().collection('orders').doc(o._id).update({ data: { check: { ...doc.check, dueAt: past }, checkDue: past } })
  await cloud.okAs(PERSONAS.admin.openid, orders.tick, {})
  return o._id
}
