export default definePageConfig({ navigationBarTitleText: '切换社区' })
