export default definePageConfig({ navigationBarTitleText: '矛盾调解' })
