export default definePageConfig({ navigationBarTitleText: '律师答疑与法律援助' })
