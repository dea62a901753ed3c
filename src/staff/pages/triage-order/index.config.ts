export default definePageConfig({ navigationBarTitleText: '处理单子' })
