export default definePageConfig({ navigationBarTitleText: '个案公示' })
