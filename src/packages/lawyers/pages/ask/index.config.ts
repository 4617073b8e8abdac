export default definePageConfig({ navigationBarTitleText: '向律师提问' })
