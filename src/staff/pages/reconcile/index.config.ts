export default definePageConfig({ navigationBarTitleText: '兑换对账' })
