export default definePageConfig({ navigationBarTitleText: '消协工作台' })
