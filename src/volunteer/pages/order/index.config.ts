export default definePageConfig({ navigationBarTitleText: '单子详情' })
