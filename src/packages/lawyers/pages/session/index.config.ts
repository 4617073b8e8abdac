export default definePageConfig({ navigationBarTitleText: '本期问答' })
