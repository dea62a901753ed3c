export default definePageConfig({ navigationBarTitleText: '积分账户' })
