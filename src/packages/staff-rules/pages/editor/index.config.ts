export default definePageConfig({ navigationBarTitleText: '处理规则维护' })
