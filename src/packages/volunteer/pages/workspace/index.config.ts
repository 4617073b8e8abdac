export default definePageConfig({ navigationBarTitleText: '志愿者工作台' })
