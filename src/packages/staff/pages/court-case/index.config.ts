export default definePageConfig({ navigationBarTitleText: '登记法院委托案件' })
