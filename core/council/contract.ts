/**
 * The `council` cloud function (议事协商), first part: series on fixed days and the community's
 * holiday table; a timer keeps each series' sessions of the next 8 weeks as events (kind 议事会).
 */
import * as z from 'zod'
import { defineFunction } from '../contract/define'
import { errorCatalog } from '../contract/errors'
import { STAFF } from '../contract/roles'
import { longText, nameSchema, text } from '../contract/text'
import { idSchema, roomSchema } from '../users/schemas'
import { TOPIC_STATUSES } from './topics'
import { BALLOT_CHOICES } from './evaluation'
import { daySchema, decisionView, minutesItemInput, minutesView, tellView } from './decisions'
import { subscribeSchema } from '../orders/schemas'
import { cloudFileId } from '../contract/files'
import { monthSchema } from '../kpis/contract'

export const ruleSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('weekly'),
      weekdays: z.array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(7)]), { error: '请选星期几' }).min(1, { error: '请至少选一天' }).max(7),
      /** 隔周: the weeks of this day and every second one from it. */
      everyOtherWeek: z.object({ anchor: daySchema }).optional(),
    }),
    z.object({
      kind: z.literal('monthly'),
      days: z.array(z.number({ error: '请选几号' }).int().min(1, { error: '日子是 1 到 31 号' }).max(31, { error: '日子是 1 到 31 号' })).min(1, { error: '请至少选一天' }).max(31),
    }),
  ],
  { error: '请选择是每周几还是每月几号' },
)

export const SERIES_KINDS = { decide: '议事会（上会议事、形成决议）', collect: '接访日·说事点（只收集问题）' } as const
export const HOLIDAY_POLICIES = { skip: '节假日不开', next_working_day: '顺延到下一个工作日', keep: '照常开' } as const

export const seriesInput = z.object({
  /** Editing one already saved (else a new series). */
  seriesId: idSchema.optional(),
  title: text('名称', 30, { letter: true }),
  kind: z.enum(['decide', 'collect'], { error: '请选择是议事会还是接访日' }),
  /** One grid's (a 说事点 in its lanes), or the whole community's. */
  gridId: idSchema.nullable().default(null),
  rule: ruleSchema,
  startTime: z.string({ error: '请填写开始时间' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间格式不对，例如 09:30' }),
  minutes: z.number({ error: '请填写时长' }).int().min(15, { error: '至少 15 分钟' }).max(480, { error: '最多 8 小时' }),
  place: text('地点', 40),
  host: text('主持人', 20, { letter: true }),
  capacity: z.number({ error: '请填写人数' }).int().min(1, { error: '至少 1 人' }).max(500, { error: '最多 500 人' }),
  /** Topics and supports close this many hours before a session. */
  cutoffHours: z.number({ error: '请填写截止时间' }).int().min(0).max(168, { error: '最多提前 7 天' }),
  holidays: z.enum(['skip', 'next_working_day', 'keep'], { error: '请选择节假日怎么办' }),
  active: z.boolean().default(true),
})

export const seriesView = seriesInput.omit({ seriesId: true }).extend({
  _id: z.string(),
  communityId: z.string(),
  /** The next sessions (China days), as planned now. */
  next: z.array(z.object({ id: z.string(), day: z.string(), startAt: z.number() })),
})
export type SeriesView = z.infer<typeof seriesView>

const yearSchema = z.number({ error: '请选择年份' }).int().min(2020, { error: '年份不对' }).max(2100, { error: '年份不对' })

export const topicView = z.object({
  _id: z.string(),
  title: z.string(),
  detail: z.string(),
  status: z.enum(TOPIC_STATUSES),
  /** Who raised it, as shown: a resident's name, or "楼栋长 X 代 Y". */
  raisedBy: z.string(),
  proxy: z.boolean(),
  createdAt: z.number(),
  /** The session it is up for (once accepted), and when its supports close. */
  sessionId: z.string().nullable(),
  cutoffAt: z.number().nullable(),
  supports: z.number(),
  /** Supports it needs to qualify for the agenda. */
  threshold: z.number(),
  /** The caller's household supports it. */
  mine: z.boolean(),
})
export type TopicView = z.infer<typeof topicView>

export const topicDetail = topicView.extend({
  /** Why it was declined, merged or turned into an order (shown publicly). */
  reason: z.string().nullable(),
  decision: decisionView.nullable(),
  /** The raiser's answer at the end. */
  satisfied: z.boolean().nullable(),
  /** The caller raised it (or raised it for a neighbour) and may answer 满意 / 不满意 now. */
  canRate: z.boolean(),
  /** The caller raised it and may still take it back (before any session). */
  canWithdraw: z.boolean(),
})
export type TopicDetail = z.infer<typeof topicDetail>

export const evaluationView = z.object({
  _id: z.string(),
  status: z.enum(['open', 'closed']),
  opensAt: z.number(),
  closesAt: z.number(),
  /** Extended once for want of a quorum. */
  extended: z.boolean(),
  /** Registered households when it opened, and the ballots it needs. */
  eligible: z.number(),
  quorum: z.number(),
  /** The caller's household has voted. */
  voted: z.boolean(),
  /** Hidden from everyone, the committee included, until it closes. */
  tally: z.object({ support: z.number(), oppose: z.number(), abstain: z.number() }).nullable(),
  outcome: z.enum(['void', 'kept', 'reelect']).nullable(),
})
export type EvaluationView = z.infer<typeof evaluationView>

export const electionView = z.object({
  _id: z.string(),
  /** open: voting; tie: counted, the last seats to be drawn at a session; closed: the committee is elected. */
  status: z.enum(['open', 'tie', 'closed']),
  closesAt: z.number(),
  candidates: z.array(z.object({ id: z.string(), name: z.string() })),
  voted: z.boolean(),
  /** Votes per candidate id, after voting ends. */
  votes: z.record(z.string(), z.number()).nullable(),
  elected: z.array(z.string()),
  tied: z.array(z.string()),
  seatsToDraw: z.number(),
  drawn: z.object({ sessionId: z.string(), names: z.array(z.string()), by: z.string(), at: z.number() }).nullable(),
})
export type ElectionView = z.infer<typeof electionView>

export const memberView = z.object({ name: z.string(), /** Has the app (acts in it); else staff record for them. */ hasApp: z.boolean(), until: z.string() })

export const agendaView = z.object({
  sessionId: z.string(),
  items: z.array(z.object({ topicId: z.string(), title: z.string(), supports: z.number(), own: z.boolean(), reason: z.string().nullable() })),
  leftOut: z.array(z.object({ topicId: z.string(), title: z.string(), supports: z.number(), reason: z.string() })),
  /** Who put it: a member of the committee, or staff recording for one. */
  by: z.string(),
  at: z.number(),
})
export type AgendaView = z.infer<typeof agendaView>

const count = (label: string, min: number, max: number) =>
  z.number({ error: `请填写${label}` }).int({ error: `${label}要是整数` }).min(min, { error: `${label}最少${min}` }).max(max, { error: `${label}最多${max}` })
export const selectionView = z.object({
  supportsPerHousehold: count('每户附议次数', 1, 10),
  minSupports: count('最少附议户数', 1, 100),
  sharePercent: count('户数百分比', 0, 50),
  agendaSize: count('每场议题数', 1, 10),
  proxySupportsPerLead: count('楼栋长代附议次数', 0, 50),
})

const rateView = z.object({ value: z.number().nullable(), num: z.number(), den: z.number() })

export const councilFn = defineFunction('council', {
  saveSeries: {
    summary: '定一个固定日子的议事系列（逢四议事：每周四；民意"5"来听：每月5/15/25号；隔周；节假日不开/顺延/照常），保存后立即排出之后8周的场次（每场是一个"议事会"活动，可报名、签到）；改了日子的挪动或取消已排的场次，停用则取消之后的场次',
    roles: ['admin'],
    input: seriesInput,
    output: seriesView,
    errors: ['SERIES_UNKNOWN', 'GRID_UNKNOWN'],
  },
  series: {
    summary: '本社区的议事系列和各自接下来的场次',
    roles: STAFF,
    input: z.object({}),
    output: z.object({ items: z.array(seriesView) }),
  },
  setHolidays: {
    summary: '本社区某年的法定节假日和调休上班日：议事系列按它顺延、跳过或照开；保存后重排之后8周的场次（挪动或取消的场次，已报名的人会收到通知）',
    roles: ['admin'],
    input: z.object({ year: yearSchema, holidays: z.array(daySchema).max(60), workdays: z.array(daySchema).max(20) }),
    output: z.object({ year: z.number(), holidays: z.array(z.string()), workdays: z.array(z.string()) }),
    errors: ['WRONG_YEAR'],
  },
  raiseTopic: {
    summary: '提一个议题（居民自己提；楼栋长、网格员可替没有手机的邻居提，记为代提）',
    roles: ['resident'],
    input: z.object({
      title: text('议题', 30, { letter: true }),
      detail: longText('说明', 500),
      /** 代提: for a neighbour of one's building (楼栋长) or grid (网格员). */
      onBehalfOf: z.object({ name: nameSchema, buildingId: idSchema, unitId: idSchema, room: roomSchema }).optional(),
      subscribe: subscribeSchema,
    }),
    output: topicView,
    errors: ['NOT_YOUR_NEIGHBOUR', 'UNKNOWN_BUILDING', 'ROOM_REQUIRED'],
  },
  acceptTopic: {
    summary: '受理议题：放进下一次还能收议题的议事会，居民可以开始附议（附议在议题截止时停）',
    roles: STAFF,
    input: z.object({ topicId: idSchema }),
    output: topicView,
    errors: ['TOPIC_UNKNOWN', 'TOPIC_STATE', 'NO_SESSION'],
  },
  support: {
    summary: '附议一个议题：每户每场有几次附议（默认3次），截止后不能再附议；同一户只算一次；不能附议自己家提的',
    roles: ['resident'],
    input: z.object({ topicId: idSchema, subscribe: subscribeSchema }),
    output: z.object({ topicId: z.string(), supports: z.number(), left: z.number() }),
    errors: ['TOPIC_UNKNOWN', 'TOPIC_STATE', 'SUPPORTS_CLOSED', 'ALREADY_SUPPORTED', 'NO_SUPPORTS_LEFT', 'NO_HOUSEHOLD', 'OWN_TOPIC'],
  },
  supportFor: {
    summary: '楼栋长（或网格员）替没有手机的老人附议：写明老人姓名、住址和理由，记录在案；每位楼栋长每场有次数上限（默认10次），一个议题最多替2户附议，自己提的议题不能代附议；那一户有人登记了就由他们自己附议；老人家里的附议次数照样算',
    roles: ['resident'],
    input: z.object({
      topicId: idSchema,
      elder: z.object({ name: nameSchema, buildingId: idSchema, unitId: idSchema, room: roomSchema }),
      reason: text('理由', 60),
    }),
    output: z.object({ topicId: z.string(), supports: z.number(), left: z.number() }),
    errors: ['TOPIC_UNKNOWN', 'TOPIC_STATE', 'SUPPORTS_CLOSED', 'ALREADY_SUPPORTED', 'NO_SUPPORTS_LEFT', 'PROXY_SUPPORTS_LEFT', 'PROXY_TOPIC_LIMIT', 'ELDER_HAS_APP', 'OWN_TOPIC', 'NOT_YOUR_NEIGHBOUR', 'UNKNOWN_BUILDING', 'ROOM_REQUIRED'],
  },
  selection: {
    summary: '本社区的附议和选题规则：每户每场附议次数、上会门槛（至少几户、或登记户数的百分之几，取大的）、每场上会议题数、楼栋长每场替老人附议次数',
    roles: STAFF,
    input: z.object({}),
    output: selectionView,
  },
  setSelection: {
    summary: '管理员改本社区的附议和选题规则（之后的附议和定议题按新规则）',
    roles: ['admin'],
    input: selectionView,
    output: selectionView,
  },
  topics: {
    summary: '本社区的议题（最新的在前），带附议数、上会门槛和自己家是否附议过',
    roles: ['resident'],
    input: z.object({}),
    output: z.object({ items: z.array(topicView) }),
  },
  setCommittee: {
    summary: '选题委员会（3人，各有任期；没有手机的委员由工作人员代为记录）',
    roles: ['admin'],
    input: z.object({
      members: z
        .array(z.object({ name: nameSchema, openid: idSchema.optional(), until: daySchema }), { error: '请填写委员' })
        .length(3, { error: '选题委员会是 3 位委员' }),
    }),
    output: z.object({ members: z.array(memberView) }),
    errors: ['MEMBER_UNKNOWN'],
  },
  committee: {
    summary: '本社区的选题委员会（姓名、任期）',
    roles: ['resident'],
    input: z.object({}),
    output: z.object({ members: z.array(memberView) }),
  },
  setAgenda: {
    summary: '选题委员会定某场议事会的议题（附议截止后）：从达到门槛的议题里按附议数、再按提出早晚选最多K个，没选上的每个都要写公开理由；可加1个委员会自己的议题并写理由。工作人员可替没有手机的委员记录',
    roles: ['resident'],
    input: z.object({
      sessionId: idSchema,
      chosen: z.array(idSchema).max(20),
      reasons: z.record(idSchema, text('理由', 100)),
      own: z.object({ topicId: idSchema, reason: text('理由', 100) }).optional(),
      /** Staff recording for a member without the app: the member's name. */
      forMember: nameSchema.optional(),
    }),
    output: agendaView,
    errors: ['NOT_COMMITTEE', 'SUPPORTS_OPEN', 'AGENDA_SET', 'TOO_MANY', 'NOT_QUALIFIED', 'REASON_MISSING', 'OWN_REASON_MISSING', 'TOPIC_UNKNOWN', 'TOPIC_STATE'],
  },
  agenda: {
    summary: '某场议事会的议题（公开）：上会的议题和没选上的议题及理由',
    roles: ['resident'],
    input: z.object({ sessionId: idSchema }),
    output: agendaView.nullable(),
  },
  topic: {
    summary: '一个议题的详情：附议、进展（没受理的理由）、上会后的决议和要办的事（完成几项/共几项），提议人可在办完后评价满意不满意',
    roles: ['resident'],
    input: z.object({ topicId: idSchema }),
    output: topicDetail,
    errors: ['TOPIC_UNKNOWN'],
  },
  routeTopic: {
    summary: '不上会的议题怎么办：不受理（写理由）、并入另一个议题、或转为服务单/矛盾调解（写明单号）；提议人会收到通知',
    roles: STAFF,
    input: z.object({
      topicId: idSchema,
      to: z.enum(['decline', 'merge', 'convert'], { error: '请选择怎么办' }),
      reason: text('理由', 100),
      /** merge: the topic it goes into; convert: the order or dispute it became. */
      into: idSchema.optional(),
      convertTo: z.enum(['order', 'dispute']).optional(),
    }),
    output: topicDetail,
    errors: ['TOPIC_UNKNOWN', 'TOPIC_STATE', 'MERGE_TARGET'],
  },
  withdrawTopic: {
    summary: '提议人撤回自己提的议题（上会之前）',
    roles: ['resident'],
    input: z.object({ topicId: idSchema }),
    output: topicDetail,
    errors: ['TOPIC_UNKNOWN', 'TOPIC_STATE', 'NOT_RAISER'],
  },
  recordMinutes: {
    summary: '主持人（工作人员）记会议纪要：每个上会议题的讨论情况、决议或暂缓、不同意见和要办的事（派服务单带积分、办活动、上报街道、写进公约），每件事有负责人和完成日期；到会人数按签到算。确认之前可以改，改了要重新确认',
    roles: STAFF,
    input: z.object({ sessionId: idSchema, items: z.array(minutesItemInput).max(10) }),
    output: minutesView,
    errors: ['SESSION_NOT_STARTED', 'NO_AGENDA', 'ITEMS_MISMATCH', 'DECISION_MISSING', 'OWNER_UNKNOWN', 'UNKNOWN_BUILDING', 'MINUTES_PUBLISHED', 'POINTS_OVER_RULE', 'EVENT_IN_PAST'],
  },
  confirmMinutes: {
    summary: '确认会议纪要：主持人和一位选题委员会委员（两个不同的人；工作人员可替没有手机的委员记录）都确认后公示7天：决议生效，要派的服务单和活动随即生成，提议人和附议的每户都收到反馈',
    roles: ['resident'],
    input: z.object({ sessionId: idSchema, draftAt: z.number({ error: '请先打开纪要看一遍' }).int(), forMember: nameSchema.optional() }),
    output: minutesView,
    errors: ['MINUTES_UNKNOWN', 'MINUTES_PUBLISHED', 'ALREADY_CONFIRMED', 'SAME_PERSON', 'NOT_HOST_OR_MEMBER', 'DRAFT_CHANGED'],
  },
  minutes: {
    summary: '某场议事会的会议纪要：公示后所有居民可看，草稿只有工作人员和委员能看',
    roles: ['resident'],
    input: z.object({ sessionId: idSchema }),
    output: minutesView.nullable(),
  },
  objectMinutes: {
    summary: '公示期内对会议纪要提异议（每人一次）',
    roles: ['resident'],
    input: z.object({ sessionId: idSchema, text: longText('异议', 300) }),
    output: z.object({ objections: z.number() }),
    errors: ['MINUTES_UNKNOWN', 'OBJECTIONS_CLOSED', 'ALREADY_OBJECTED'],
  },
  finishAction: {
    summary: '负责人标记一项要办的事已完成（上报街道；活动办完之后）；派服务单的事在所有服务单确认后自动完成，写进公约的事记下即完成',
    roles: STAFF,
    input: z.object({ topicId: idSchema, actionId: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/) }),
    output: topicDetail,
    errors: ['TOPIC_UNKNOWN', 'ACTION_UNKNOWN', 'ACTION_AUTOMATIC', 'ACTION_DONE', 'NOT_OWNER', 'ACTION_NOT_YET'],
  },
  rateTopic: {
    summary: '议题办完后提议人评价：满意或不满意（楼栋长替邻居提的，由楼栋长问过邻居后代为评价）',
    roles: ['resident'],
    input: z.object({ topicId: idSchema, satisfied: z.boolean({ error: '请选择满意或不满意' }) }),
    output: topicDetail,
    errors: ['TOPIC_UNKNOWN', 'TOPIC_STATE', 'NOT_RAISER'],
  },
  tells: {
    summary: '楼栋长要当面告诉邻居的事：替邻居提的议题有了决议或办完了',
    roles: ['resident'],
    input: z.object({}),
    output: z.object({ items: z.array(tellView) }),
  },
  markTold: {
    summary: '楼栋长已当面告诉邻居（打勾）',
    roles: ['resident'],
    input: z.object({ tellId: z.string().regex(/^[A-Za-z0-9._-]{1,80}$/) }),
    output: tellView,
    errors: ['TELL_UNKNOWN'],
  },
  metrics: {
    summary: '议事协商的数字（某月提出的议题）：上会率、决议落实率、反馈率、反馈中位时长、结果满意率，各带分子分母',
    roles: STAFF,
    input: z.object({ month: monthSchema.optional() }),
    output: z.object({
      month: z.string(),
      raised: z.number(),
      onAgenda: rateView,
      implemented: rateView,
      feedback: rateView,
      medianFeedbackHours: z.number().nullable(),
      satisfied: rateView,
    }),
  },
  openEvaluation: {
    summary: '开始选题委员会的半年评议：开放7天，本社区每户可投一票（支持/反对/弃权），不记名；票数到关闭时才公布',
    roles: ['admin'],
    input: z.object({}),
    output: evaluationView,
    errors: ['EVALUATION_OPEN'],
  },
  vote: {
    summary: '投评议票：每户一票（同一户多部手机也只算一票），不记名——"这一户投过了"和"一张写着选择的票"分开存，互不关联、票上没有时间',
    roles: ['resident'],
    input: z.object({ evaluationId: idSchema, choice: z.enum(BALLOT_CHOICES, { error: '请选择支持、反对或弃权' }) }),
    output: z.object({ voted: z.literal(true) }),
    errors: ['EVALUATION_UNKNOWN', 'EVALUATION_CLOSED', 'ALREADY_VOTED', 'NO_HOUSEHOLD'],
  },
  evaluation: {
    summary: '本社区最近一次评议：是否在进行、截止时间、需要多少票、自己家投过没有；关闭后才有票数和结果',
    roles: ['resident'],
    input: z.object({}),
    output: evaluationView.nullable(),
  },
  closeEvaluation: {
    summary: '到期关闭评议（定时任务也会做）：不够法定票数时延长一次（7天），再不够作废；反对超过60%则改选委员会（正好60%不算超过）',
    roles: ['admin'],
    input: z.object({}),
    output: evaluationView.nullable(),
  },
  paperBallots: {
    summary: '录入纸质票：两位工作人员各录一次计票单上的支持/反对/弃权总数并附计票单照片，两次一致才计入（评议关闭时加进总数）',
    roles: STAFF,
    input: z.object({
      evaluationId: idSchema,
      support: z.number({ error: '请填写支持票数' }).int().min(0).max(100000),
      oppose: z.number({ error: '请填写反对票数' }).int().min(0).max(100000),
      abstain: z.number({ error: '请填写弃权票数' }).int().min(0).max(100000),
      photo: cloudFileId('council', '请拍一张计票单的照片'),
    }),
    output: z.object({ confirmed: z.boolean() }),
    errors: ['EVALUATION_UNKNOWN', 'EVALUATION_CLOSED', 'SAME_PERSON', 'PAPER_MISMATCH', 'PAPER_CONFIRMED', 'PAPER_TOO_MANY'],
  },
  openElection: {
    summary: '评议结果是改选时，开始改选选题委员会：列出被提名的候选人，投票7天，每户一张不记名的票、最多选3人，得票前3名当选；最后名额同票的在下一次议事会上当众抽签',
    roles: ['admin'],
    input: z.object({ candidates: z.array(z.object({ name: nameSchema, openid: idSchema.optional() })).min(3, { error: '至少3位候选人' }).max(20, { error: '最多20位候选人' }) }),
    output: electionView,
    errors: ['NO_REELECTION', 'ELECTION_OPEN', 'MEMBER_UNKNOWN'],
  },
  electionVote: {
    summary: '改选投票：每户一票，选1到3位候选人；不记名（"这一户投过了"和"选票"分开存）',
    roles: ['resident'],
    input: z.object({ electionId: idSchema, choices: z.array(z.string().regex(/^c\d{1,2}$/)).max(20) }),
    output: z.object({ voted: z.literal(true) }),
    errors: ['ELECTION_UNKNOWN', 'ELECTION_CLOSED', 'ALREADY_VOTED', 'NO_HOUSEHOLD', 'TOO_MANY_CHOICES', 'UNKNOWN_CANDIDATE'],
  },
  election: {
    summary: '本社区最近一次改选：候选人、截止时间、自己家投过没有；结束后才有票数和当选的人',
    roles: ['resident'],
    input: z.object({}),
    output: electionView.nullable(),
  },
  closeElection: {
    summary: '到期结束改选（定时任务也会做）：前3名当选为新的选题委员会（任期半年）；最后名额同票的等下一次议事会抽签',
    roles: ['admin'],
    input: z.object({}),
    output: electionView.nullable(),
  },
  drawTie: {
    summary: '在议事会上当众抽签（同票争最后名额的人里由系统随机抽出缺的人数，结果记下并公布），新的选题委员会随即组成；管理员不能指定谁中签',
    roles: ['admin'],
    input: z.object({ electionId: idSchema, sessionId: idSchema }),
    output: electionView,
    errors: ['ELECTION_UNKNOWN', 'NOT_TIED', 'SESSION_NOT_STARTED'],
  },
  plan: {
    summary: '定时任务（每天，也可由管理员手动触发）：为每个在用的系列排出之后8周的场次；已排的不再重复；日子、时间、名称或地点变了的挪过去，不再有的取消（已报名的人会收到通知）。定时任务还会数各社区的户数、关闭到期的评议',
    roles: ['admin'],
    input: z.object({}),
    output: z.object({ made: z.number(), kept: z.number(), moved: z.number(), cancelled: z.number() }),
  },
})

export const COUNCIL_ERRORS = {
  SERIES_UNKNOWN: '没有找到这个议事系列',
  GRID_UNKNOWN: '本社区没有这个网格',
  WRONG_YEAR: '日期要在所选的年份里',
  NOT_YOUR_NEIGHBOUR: '只能替自己楼栋（或自己网格）的邻居提议题',
  UNKNOWN_BUILDING: '没有找到这个楼栋',
  ROOM_REQUIRED: '请填写邻居的门牌号',
  TOPIC_UNKNOWN: '没有找到这个议题',
  TOPIC_STATE: '这个议题现在不能这样办',
  NO_SESSION: '近期没有还能收议题的议事会，请先排好议事的日子',
  SUPPORTS_CLOSED: '这一场的附议已经截止了',
  ALREADY_SUPPORTED: '您家已经附议过这个议题了',
  NO_SUPPORTS_LEFT: '您家这一场的附议次数用完了',
  NO_HOUSEHOLD: '请先在"我的"里填好楼栋、单元和门牌号，才能附议或投票',
  OWN_TOPIC: '自己家提的议题不用附议',
  EVALUATION_OPEN: '已经有一次评议在进行了',
  EVALUATION_UNKNOWN: '没有找到这次评议',
  EVALUATION_CLOSED: '这次评议已经结束了',
  ALREADY_VOTED: '您家已经投过票了',
  MEMBER_UNKNOWN: '这位委员不是本社区的居民',
  NOT_COMMITTEE: '只有选题委员会的委员（或替委员记录的工作人员）能定议题',
  SUPPORTS_OPEN: '附议还没截止，截止后才能定议题',
  AGENDA_SET: '这场议事会的议题已经定了',
  TOO_MANY: '这一场最多上这么多议题',
  NOT_QUALIFIED: '选的议题里有没达到附议门槛的',
  REASON_MISSING: '没选上的议题都要写理由',
  OWN_REASON_MISSING: '委员会自己加的议题要写理由',
  MERGE_TARGET: '请选择本社区另一个还在办的议题来合并',
  NOT_RAISER: '只有提这个议题的人能这样办',
  SESSION_NOT_STARTED: '议事会开始后才能记纪要',
  NO_AGENDA: '这场议事会还没有定议题',
  ITEMS_MISMATCH: '纪要要把这场上会的议题逐个记上，不多不少',
  DECISION_MISSING: '形成决议的议题要写决议内容',
  OWNER_UNKNOWN: '负责人要是本社区的工作人员',
  MINUTES_UNKNOWN: '这场议事会还没有纪要',
  MINUTES_PUBLISHED: '纪要已经确认公示了，不能再改',
  ALREADY_CONFIRMED: '已经确认过了',
  SAME_PERSON: '主持人和委员要由两个不同的人确认',
  NOT_HOST_OR_MEMBER: '只有记纪要的主持人和选题委员会委员能确认纪要',
  OBJECTIONS_CLOSED: '公示期已过，不能再提异议',
  ALREADY_OBJECTED: '您已经提过异议了',
  ACTION_UNKNOWN: '没有找到这件要办的事',
  ACTION_AUTOMATIC: '这件事会自动完成：服务单都确认后即完成',
  ACTION_DONE: '这件事已经完成了',
  NOT_OWNER: '只有负责人或社区管理员能标记完成',
  TELL_UNKNOWN: '没有找到这件事',
  POINTS_OVER_RULE: '积分超过了积分规则的2倍，更多请找管理员',
  PROXY_SUPPORTS_LEFT: '您这一场替老人附议的次数用完了',
  PROXY_TOPIC_LIMIT: '一个议题最多替两户老人附议',
  ELDER_HAS_APP: '这一户有人登记了，请他们自己附议',
  DRAFT_CHANGED: '纪要刚被改过，请重新看一遍再确认',
  EVENT_IN_PAST: '活动时间要在以后',
  ACTION_NOT_YET: '活动办完之后才能标记完成',
  PAPER_MISMATCH: '两次录入的票数不一致，请再核对计票单',
  PAPER_CONFIRMED: '纸质票已经两人核对录入过了',
  PAPER_TOO_MANY: '纸质票加上手机投票，超过了本社区的户数',
  NO_REELECTION: '最近一次评议的结果不是改选',
  ELECTION_OPEN: '这次评议的改选已经开始了',
  ELECTION_UNKNOWN: '没有找到这次改选',
  ELECTION_CLOSED: '这次改选的投票已经结束了',
  TOO_MANY_CHOICES: '请选1到3位候选人，不要重复',
  UNKNOWN_CANDIDATE: '选的人不在候选人名单里',
  NOT_TIED: '这次改选没有需要抽签的名额',
} as const
export const councilError = errorCatalog(COUNCIL_ERRORS)
