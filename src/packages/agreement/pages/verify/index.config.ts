export default definePageConfig({ navigationBarTitleText: '核验调解协议书' })
