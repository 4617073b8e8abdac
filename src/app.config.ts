export default defineAppConfig({
  pages: ['pages/home/index', 'pages/complaints/index', 'pages/messages/index', 'pages/me/index', 'pages/login/index'],
  subPackages: [
    { root: 'packages/volunteer', pages: ['pages/workspace/index'] },
    { root: 'packages/enterprise', pages: ['pages/workspace/index'] },
    { root: 'packages/staff', pages: ['pages/workspace/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#b71c1c',
    navigationBarTitleText: '维权通',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#4a4a4a',
    selectedColor: '#b71c1c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/complaints/index', text: '投诉' },
      { pagePath: 'pages/messages/index', text: '消息' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  sitemapLocation: 'sitemap.json',
})
