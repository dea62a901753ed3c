// public: the list of events may be passed on (config/share.test.ts)
export default definePageConfig({ navigationBarTitleText: '活动报名', enableShareAppMessage: true })
