export default definePageConfig({ navigationBarTitleText: '录入微心愿' })
