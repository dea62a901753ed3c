export default definePageConfig({ navigationBarTitleText: '附议和选题规则' })
