/**
 * Pages of features that land later (#5 orders, #6 爱心银行 + events). A home entry whose page is
 * undefined shows "即将开放"; a feature sets its path here when its page exists.
 */
export const FEATURE_PAGES: Record<'order' | 'events' | 'points' | 'pool' | 'myTasks' | 'dispatch' | 'council' | 'disputes' | 'wishes', string | undefined> = {
  /** 服务点单 (resident) */
  order: '/pages/order/new/index',
  /** 活动报名 */
  events: '/pages/events/index/index',
  /** 爱心银行 */
  points: '/pages/points/index/index',
  /** 接单大厅 (volunteer) */
  pool: '/volunteer/pages/pool/index',
  /** 我的任务 (volunteer) */
  myTasks: '/volunteer/pages/tasks/index',
  /** 议事协商 */
  council: '/council/pages/topics/index',
  /** 矛盾调解 */
  disputes: '/disputes/pages/list/index',
  /** 微心愿 */
  wishes: '/wishes/pages/list/index',
  /** 派单 (staff triage) */
  dispatch: '/staff/pages/triage/index',
}
