/**
 * What happens in 和平社区 and 春晖社区 in the demo: a few gifts, one event with a booth, and orders
 * in every state — one sent up to the street as a 大事, one published to the street pool (so the
 * 街道管理员 has a case to answer and a 幸福里 volunteer sees a neighbour's order). Pure data.
 */
import type { DemoGift, DemoOrder } from './activity'
import { PERSONAS } from './personas'

export interface NeighbourPlay {
  communityId: string
  admin: string
  gifts: DemoGift[]
  event: { title: string; place: string; by: string; signUps: string[] }
  orders: (DemoOrder & { toStreet?: boolean; escalate?: string })[]
}

const HP_STAFF = PERSONAS.staffHeping.openid
const CH_EAST = 'demo-ch-staff1'
const CH_MID = 'demo-ch-staff2'

export const NEIGHBOUR_PLAYS: NeighbourPlay[] = [
  {
    communityId: 'heping',
    admin: 'demo-hp-admin',
    gifts: [
      { id: 'hp-gift-soap', name: '香皂礼盒', price: 15, totalStock: 20, perPersonLimit: 1 },
      { id: 'hp-gift-noodle', name: '挂面2斤', price: 10, totalStock: 30, perPersonLimit: 2 },
    ],
    event: { title: '和平社区义诊', place: '和平社区居委会一楼', by: HP_STAFF, signUps: ['demo-hp-r1', 'demo-hp-r2'] },
    orders: [
      { by: 'demo-hp-r1', category: 'elder_meals', description: '一个人住，想请人中午帮忙送一份饭。', stage: 'submitted', staff: HP_STAFF },
      { by: 'demo-hp-r2', category: 'repair_pipe', description: '阳台水管冻裂了，在漏水。', urgency: 'urgent', stage: 'open', staff: HP_STAFF, toStreet: true },
      { by: 'demo-hp-r3', category: 'repair_water_electric', description: '楼道灯坏了，晚上黑乎乎的。', stage: 'confirmed', staff: HP_STAFF, volunteer: 'demo-hp-v1', doneNote: '换了新灯泡。', rating: { stars: 5, comment: '谢谢小郑！' } },
      { by: 'demo-hp-r2', category: 'other', description: '小区门口人行道塌了一块，老人走路容易摔。', stage: 'submitted', staff: HP_STAFF, escalate: '人行道属于市政，请街道协调修复' },
    ],
  },
  {
    communityId: 'chunhui',
    admin: 'demo-ch-admin',
    gifts: [{ id: 'ch-gift-rice', name: '大米5斤', price: 30, totalStock: 30, perPersonLimit: 1 }],
    event: { title: '春晖社区健康讲座', place: '春晖社区文化室', by: CH_EAST, signUps: ['demo-ch-r1', 'demo-ch-r3', 'demo-ch-r5'] },
    orders: [
      { by: 'demo-ch-r1', category: 'elder_visit', description: '想有人陪着聊聊天。', stage: 'open', staff: CH_EAST },
      { by: 'demo-ch-r4', category: 'elder_shopping', description: '帮忙买一袋米扛上楼。', stage: 'accepted', staff: CH_MID, volunteer: 'demo-ch-v1' },
      { by: 'demo-ch-r5', category: 'repair_appliance', description: '电视没有声音了。', stage: 'done', staff: CH_MID, volunteer: 'demo-ch-v2', doneNote: '音响线松了，重新插好。' },
      { by: 'demo-ch-r6', category: 'repair_water_electric', description: '家里空开老跳闸。', stage: 'confirmed', staff: CH_MID, volunteer: 'demo-ch-v2', doneNote: '换了漏电开关。', rating: { stars: 4, comment: '修好了' } },
    ],
  },
]
