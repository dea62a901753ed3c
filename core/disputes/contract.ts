/**
 * The `disputes` cloud function (矛盾调解): intake (by a party, for a neighbour, from a 私事 order
 * or a 议题 referred), acceptance or guidance elsewhere, mediation sessions with mediators of the
 * community (volunteers who mediate, a roster of professionals on fixed days), the outcome, its
 * performance, the 回访 that closes it. A case is seen only by its parties, mediators, the grid's
 * 网格员 and the community admin (access.ts); every other caller is told it does not exist.
 */
import * as z from 'zod'
import { defineFunction } from '../contract/define'
import { errorCatalog } from '../contract/errors'
import { cloudFileId } from '../contract/files'
import { pageInput, pageOutput } from '../contract/paging'
import { STAFF } from '../contract/roles'
import { longText, nameSchema, optionalLongText, text } from '../contract/text'
import { keysOf } from '../contract/vocab'
import { daySchema } from '../council/decisions'
import { idSchema, openidSchema, phoneSchema, roomSchema } from '../users/schemas'
import { DISPUTE_STATUSES } from './machine'
import { DISPUTE_CATEGORIES, DISPUTE_SOURCES, PROFESSIONS, ROUTES } from './vocab'

export { DISPUTE_CATEGORIES, DISPUTE_SOURCES, DISPUTE_STATUS_LABELS, PROFESSIONS, ROUTES } from './vocab'

const source = z.enum(keysOf(DISPUTE_SOURCES), { error: '请选择来源' })
const category = z.enum(keysOf(DISPUTE_CATEGORIES), { error: '请选择纠纷类别' })
const route = z.enum(keysOf(ROUTES), { error: '请选择去哪里解决' })
const disputeId = z.object({ disputeId: idSchema })

/** A party as staff keep them: a name, and a phone when known (people without the app included). */
export const partyInput = z.object({
  name: nameSchema,
  phone: phoneSchema.optional(),
  side: z.enum(['applicant', 'respondent'], { error: '请选择是申请人还是对方' }),
  buildingId: idSchema.optional(),
  room: roomSchema,
})

export const guidanceInput = z.object({ route, guidance: longText('建议', 200) })

const sessionInput = z.object({
  at: z.number({ error: '请选择调解时间' }).int(),
  place: text('地点', 40),
})

/** Mediators for a case, from the community's roster (volunteers who mediate and professionals). */
const mediatorsInput = z.array(idSchema, { error: '请至少选一位调解员' }).min(1, { error: '请至少选一位调解员' }).max(3, { error: '最多选三位调解员' })

export const disputeSummary = z.object({
  _id: z.string(),
  status: z.enum(DISPUTE_STATUSES),
  category: z.enum(keysOf(DISPUTE_CATEGORIES)),
  source: z.enum(keysOf(DISPUTE_SOURCES)),
  title: z.string(),
  reportedAt: z.number(),
  /** The caller's part in it. */
  role: z.enum(['party', 'reporter', 'mediator', 'staff', 'admin']),
  /** The 回访 is due by (staff see it on their list). */
  followUpDueAt: z.number().nullable(),
})
export type DisputeSummary = z.infer<typeof disputeSummary>

const partyView = z.object({
  name: z.string(),
  side: z.enum(['applicant', 'respondent']),
  /** Staff and mediators see the phone; parties see names only. */
  phone: z.string().nullable(),
  /** Has the app — staff only (null to others: a report must not tell whether a phone is registered). */
  hasApp: z.boolean().nullable(),
})
const mediatorView = z.object({ name: z.string(), title: z.string(), phone: z.string().nullable() })

export const disputeView = disputeSummary.extend({
  detail: z.string(),
  gridId: z.string(),
  reportedBy: z.string(),
  parties: z.array(partyView),
  mediators: z.array(mediatorView),
  sessions: z.array(z.object({ at: z.number(), place: z.string() })),
  guidance: z.object({ route: z.enum(keysOf(ROUTES)), guidance: z.string() }).nullable(),
  agreement: z
    .object({ written: z.boolean(), terms: z.string(), performBy: z.string(), photo: z.string().nullable(), judicialRemindAt: z.number().nullable(), /** The photo to show (a temp URL, on the case's own page). */ photoUrl: z.string().nullable().default(null) })
    .nullable(),
  followUp: z.object({ performed: z.boolean().nullable(), satisfied: z.boolean(), remaining: z.string() }).nullable(),
  timeline: z.array(z.object({ at: z.number(), event: z.string(), note: z.string() })),
  /** What the caller may do now (the page shows only these). */
  can: z.array(z.string()),
})
export type DisputeView = z.infer<typeof disputeView>

export const rosterItem = z.object({
  _id: z.string(),
  name: z.string(),
  /** 法官 … 心理咨询师, or 银发先锋 / 志愿者 for a volunteer who mediates. */
  title: z.string(),
  kind: z.enum(['professional', 'volunteer']),
  /** When they come to the community (professionals: fixed days). */
  days: z.string(),
  phone: z.string(),
  active: z.boolean(),
})

const rateView = z.object({ value: z.number().nullable(), num: z.number(), den: z.number() })

export const disputesFn = defineFunction('disputes', {
  report: {
    summary: '申请调解：当事人自己申请；楼栋长、网格员可替没有手机的邻居申请（记为代报）；网格员还可记主动调解、移交、委托的案子',
    roles: ['resident'],
    input: z.object({
      category,
      title: text('标题', 30, { letter: true }),
      detail: longText('经过', 500),
      /** Staff only: where it came from (residents always 当事人申请). */
      source: source.optional(),
      /** The caller themself is the applicant, unless reporting for a neighbour. */
      onBehalfOf: z.object({ name: nameSchema, phone: phoneSchema.optional(), buildingId: idSchema, room: roomSchema }).optional(),
      /** The other side(s), and further applicants. */
      others: z.array(partyInput).min(1, { error: '请至少填写对方的称呼' }).max(5),
    }),
    output: disputeView,
    errors: ['NOT_YOUR_NEIGHBOUR', 'UNKNOWN_BUILDING', 'STAFF_ONLY_SOURCE', 'TOO_MANY_REPORTS'],
  },
  takeReferral: {
    summary: '把分流为私事的服务单，或者不上会的议题，转成调解案子（同一件事只转一次）',
    roles: STAFF,
    input: z.object({ from: z.enum(['order', 'topic']), id: idSchema, category, others: z.array(partyInput).min(1, { error: '请至少填写对方的称呼' }).max(5) }),
    output: disputeView,
    errors: ['NOT_REFERRED', 'OUT_OF_GRID'],
  },
  disputes: {
    summary: '与我有关的调解案子：当事人、调解员看自己的；网格员看本网格的；管理员看本社区的（从不公开列出）',
    roles: ['resident'],
    input: pageInput.extend({ status: z.enum(DISPUTE_STATUSES).optional() }),
    output: pageOutput(disputeSummary),
  },
  dispute: {
    summary: '一件调解案子的详情（只有当事人、调解员、本网格网格员和社区管理员能看）',
    roles: ['resident'],
    input: disputeId,
    output: disputeView,
  },
  accept: {
    summary: '受理调解申请',
    roles: STAFF,
    input: disputeId,
    output: disputeView,
    errors: ['DISPUTE_STATE', 'OWN_CASE'],
  },
  decline: {
    summary: '不予受理，并告诉当事人可以去哪里解决（诉讼、仲裁、有关部门）',
    roles: STAFF,
    input: disputeId.extend(guidanceInput.shape),
    output: disputeView,
    errors: ['DISPUTE_STATE', 'OWN_CASE'],
  },
  mediate: {
    summary: '安排调解：指派调解员（调解志愿者如银发先锋、驻点的法官律师等）和第一次调解的时间地点；未履行的协议也从这里重新调解',
    roles: STAFF,
    input: disputeId.extend({ mediators: mediatorsInput, session: sessionInput }),
    output: disputeView,
    errors: ['DISPUTE_STATE', 'NOT_A_MEDIATOR', 'PARTY_MEDIATOR', 'SESSION_IN_PAST', 'OWN_CASE'],
  },
  addSession: {
    summary: '再约一次调解（时间、地点）',
    roles: ['resident'],
    input: disputeId.extend({ session: sessionInput }),
    output: disputeView,
    errors: ['DISPUTE_STATE', 'SESSION_IN_PAST', 'NOT_MEDIATOR'],
  },
  agree: {
    summary: '调解员记录达成协议：书面或口头、协议内容、履行期限；书面协议拍下签字的协议书后进入履行',
    roles: ['resident'],
    input: disputeId.extend({
      written: z.boolean({ error: '请选择书面还是口头协议' }),
      terms: longText('协议内容', 500),
      performBy: daySchema,
      photo: cloudFileId('disputes', '协议照片上传失败，请重新拍').optional(),
    }),
    output: disputeView,
    errors: ['DISPUTE_STATE', 'NOT_MEDIATOR', 'PERFORM_BY_PAST', 'OWN_CASE'],
  },
  attachAgreement: {
    summary: '上传签字的书面协议照片（协议书原件是法律凭证，照片存档），协议进入履行',
    roles: ['resident'],
    input: disputeId.extend({ photo: cloudFileId('disputes', '协议照片上传失败，请重新拍') }),
    output: disputeView,
    errors: ['DISPUTE_STATE', 'NOT_MEDIATOR', 'OWN_CASE'],
  },
  fail: {
    summary: '调解员记录调解未成，并告诉当事人可以去哪里解决（诉讼、仲裁、有关部门）',
    roles: ['resident'],
    input: disputeId.extend(guidanceInput.shape),
    output: disputeView,
    errors: ['DISPUTE_STATE', 'NOT_MEDIATOR', 'OWN_CASE'],
  },
  performance: {
    summary: '记录协议履行了，或没有履行',
    roles: ['resident'],
    input: disputeId.extend({ fulfilled: z.boolean({ error: '请选择履行了没有' }), note: optionalLongText('情况', 200) }),
    output: disputeView,
    errors: ['DISPUTE_STATE', 'NOT_MEDIATOR', 'OWN_CASE'],
  },
  refer: {
    summary: '协议没有履行、不再调解：移交出去（诉讼、仲裁、有关部门），写明建议',
    roles: STAFF,
    input: disputeId.extend(guidanceInput.shape),
    output: disputeView,
    errors: ['DISPUTE_STATE', 'OWN_CASE'],
  },
  followUp: {
    summary: '回访后结案：履行了没有、满意不满意、还有什么没解决',
    roles: STAFF,
    input: disputeId.extend({ performed: z.boolean().nullable().default(null), satisfied: z.boolean({ error: '请选择满意还是不满意' }), remaining: optionalLongText('还有什么没解决', 200) }),
    output: disputeView,
    errors: ['DISPUTE_STATE', 'OWN_CASE', 'MEDIATOR_FOLLOW_UP'],
  },
  withdraw: {
    summary: '申请人撤回调解申请（达成协议之前）',
    roles: ['resident'],
    input: disputeId,
    output: disputeView,
    errors: ['DISPUTE_STATE', 'NOT_REPORTER'],
  },
  roster: {
    summary: '本社区的调解员名册：调解志愿者（如银发先锋）和驻点的专业人员（法官、检察官、警官、律师、人民调解员、心理咨询师）及他们固定来的日子',
    roles: STAFF,
    input: z.object({}),
    output: z.object({ items: z.array(rosterItem) }),
  },
  saveMediator: {
    summary: '登记或修改本社区的一位调解员：调解志愿者（如银发先锋，须是已通过的志愿者）或驻点的专业人员（法官、检察官、警官、律师、人民调解员、心理咨询师）及固定来的日子；停用后不再能指派',
    roles: ['admin'],
    input: z.object({
      mediatorId: idSchema.optional(),
      who: z.discriminatedUnion(
        'kind',
        [
          z.object({ kind: z.literal('volunteer'), openid: openidSchema }),
          z.object({
            kind: z.literal('professional'),
            profession: z.enum(keysOf(PROFESSIONS), { error: '请选择职业' }),
            name: nameSchema,
            phone: phoneSchema,
            /** Has the app: they act on their cases themselves (else staff record for them). */
            openid: openidSchema.optional(),
          }),
        ],
        { error: '请选择是志愿者还是专业人员' },
      ),
      days: text('固定日子', 30),
      active: z.boolean().default(true),
    }),
    output: rosterItem,
    errors: ['UNKNOWN_MEDIATOR', 'NOT_A_VOLUNTEER', 'UNKNOWN_PERSON'],
  },
  metrics: {
    summary: '调解的数字：调解成功率、履行率、回访率、受理到结案的天数（中位数）、矛盾不上交率；只有总数，没有案子内容',
    roles: STAFF,
    input: z.object({}),
    output: z.object({ success: rateView, performed: rateView, followedUp: rateView, medianDaysToClose: z.number().nullable(), keptInCommunity: rateView, open: z.number() }),
  },
})

export const DISPUTE_ERRORS = {
  NOT_YOUR_NEIGHBOUR: '只能替本楼栋（楼栋长）或本网格（网格员）的邻居申请',
  UNKNOWN_BUILDING: '没有找到这栋楼',
  STAFF_ONLY_SOURCE: '居民申请的来源是"当事人申请"',
  TOO_MANY_REPORTS: '今天已经申请了5件调解，请明天再申请，急事请直接打电话给网格员',
  NOT_REFERRED: '这件事没有分流为私事或转出，不能转成调解',
  OUT_OF_GRID: '这不是您网格里的事',
  DISPUTE_STATE: '这件案子现在不能这样办，请刷新后再看',
  NOT_A_MEDIATOR: '选的人不是本社区的调解员',
  PARTY_MEDIATOR: '当事人不能调解自己的案子',
  SESSION_IN_PAST: '调解时间要在以后',
  NOT_MEDIATOR: '只有这件案子的调解员能记录',
  PERFORM_BY_PAST: '履行期限不能早于今天',
  OWN_CASE: '当事人不能办理自己的案子',
  MEDIATOR_FOLLOW_UP: '回访要由没有参加调解的工作人员来做',
  NOT_REPORTER: '只有申请人能撤回',
  UNKNOWN_MEDIATOR: '没有找到这位调解员',
  NOT_A_VOLUNTEER: '这个人还不是本社区通过的志愿者',
  UNKNOWN_PERSON: '没有找到这位用户，请对方先在小程序里登记',
} as const
export const disputeError = errorCatalog(DISPUTE_ERRORS)
