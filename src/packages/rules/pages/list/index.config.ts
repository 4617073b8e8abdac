export default definePageConfig({ navigationBarTitleText: '处理规则与依据' })
