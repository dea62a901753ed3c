export default definePageConfig({ navigationBarTitleText: '派单和跟进' })
