/** The words of 矛盾调解, as the pages and the contract show them (no schema here: the pages import it). */
export const DISPUTE_SOURCES = { applied: '当事人申请', proactive: '主动调解', transferred: '移交', entrusted: '委托', council: '议事' } as const
export const DISPUTE_CATEGORIES = { neighbour: '邻里', property: '物业', family: '家庭', noise: '噪音', leak: '漏水', other: '其他' } as const
export const PROFESSIONS = { judge: '法官', prosecutor: '检察官', police: '警官', lawyer: '律师', mediator: '人民调解员', counsellor: '心理咨询师' } as const
/** Where a case goes when mediation cannot settle it (the guidance given on decline, failure or referral). */
export const ROUTES = { lawsuit: '诉讼', arbitration: '仲裁', department: '有关部门', other: '其他' } as const
export const DISPUTE_STATUS_LABELS = {
  reported: '待受理',
  accepted: '已受理',
  declined: '不予受理',
  mediating: '调解中',
  agreed: '已达成协议',
  failed: '调解未成',
  performing: '履行中',
  fulfilled: '已履行',
  breached: '未履行',
  referred: '已移交',
  closed: '已结案',
  withdrawn: '已撤回',
} as const

/** Each step as the timeline and the notices name it (REPORT and SESSION are steps without a change of status). */
export const DISPUTE_EVENT_LABELS = {
  REPORT: '申请调解',
  SESSION: '约了调解',
  ACCEPT: '调解申请已受理',
  DECLINE: '调解申请未受理',
  WITHDRAW: '调解申请已撤回',
  START: '已安排调解',
  AGREE: '调解达成协议',
  FAIL: '调解未成',
  PERFORM: '协议进入履行',
  FULFIL: '协议已履行',
  BREACH: '协议未履行',
  RESUME: '重新安排调解',
  REFER: '案子已移交',
  FOLLOW_UP: '回访后结案',
} as const
