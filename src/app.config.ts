const isH5 = process.env.TARO_ENV === 'h5'

export default defineAppConfig({
  // Main package: what a resident opens first (≤ 400 KB, checked by npm test). Events and the
  // 爱心银行 are subpackages under the same paths (pages/events/…, pages/points/…), preloaded from home.
  pages: [
    'pages/home/index',
    'pages/me/index',
    'pages/order/new/index',
    'pages/order/list/index',
    'pages/order/detail/index',
    'pages/inbox/index',
    // The persona switcher exists only in the H5 dev build (it talks to the local cloud's dev entry).
    ...(isH5 ? ['pages/dev-persona/index'] : []),
  ],
  subPackages: [
    { root: 'pages/events', pages: ['index/index', 'detail/index'] },
    { root: 'pages/points', pages: ['index/index'] },
    { root: 'council', pages: ['pages/topics/index', 'pages/topic/index', 'pages/session/index', 'pages/tells/index', 'pages/rules/index', 'pages/vote/index'] },
    { root: 'disputes', pages: ['pages/list/index', 'pages/report/index', 'pages/case/index', 'pages/roster/index'] },
    { root: 'wishes', pages: ['pages/list/index', 'pages/wish/index', 'pages/staff/index', 'pages/edit/index', 'pages/manage/index'] },
    { root: 'account', pages: ['pages/privacy/index', 'pages/data/index', 'pages/not-found/index'] },
    { root: 'volunteer', pages: ['pages/home/index', 'pages/pool/index', 'pages/order/index', 'pages/tasks/index'] },
    { root: 'staff', pages: ['pages/applications/index', 'pages/users/index', 'pages/admin/index', 'pages/triage/index', 'pages/triage-order/index', 'pages/sla/index', 'pages/event-publish/index', 'pages/checkin/index', 'pages/booth/index', 'pages/reconcile/index', 'pages/event-poster/index', 'pages/gifts/index', 'pages/points-accounts/index', 'pages/points-rules/index', 'pages/points-approvals/index', 'pages/communities/index', 'pages/street/index', 'pages/street-order/index', 'pages/kpis/index', 'pages/kpi-orders/index'] },
  ],
  preloadRule: { 'pages/home/index': { network: 'all', packages: ['pages/events', 'pages/points'] } },
  // WeChat: load a page's components only when it renders; which pages search may index; ask for privacy consent
  lazyCodeLoading: 'requiredComponents',
  sitemapLocation: 'sitemap.json',
  __usePrivacyCheck__: true,
  window: {
    // every page refreshes what it shows when pulled down (components/page)
    enablePullDownRefresh: true,
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTitleText: '邻里帮',
    navigationBarTextStyle: 'white',
  },
})
