export default definePageConfig({ navigationBarTitleText: '律师答疑管理' })
