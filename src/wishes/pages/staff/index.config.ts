export default definePageConfig({ navigationBarTitleText: '微心愿工作台' })
