export default definePageConfig({ navigationBarTitleText: '微心愿（工作人员）' })
