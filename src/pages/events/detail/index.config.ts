// public: anyone may pass an event on to a friend or a group (config/share.test.ts)
export default definePageConfig({ navigationBarTitleText: '活动详情', enableShareAppMessage: true })
