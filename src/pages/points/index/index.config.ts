export default definePageConfig({ navigationBarTitleText: '爱心银行' })
