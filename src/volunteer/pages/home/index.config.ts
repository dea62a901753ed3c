export default definePageConfig({ navigationBarTitleText: '我要帮忙' })
