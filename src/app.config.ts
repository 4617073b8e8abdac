export default defineAppConfig({
  pages: ['pages/home/index', 'pages/complaints/index', 'pages/messages/index', 'pages/me/index', 'pages/login/index'],
  subPackages: [
    { root: 'packages/volunteer', pages: ['pages/workspace/index', 'pages/report/index', 'pages/reports/index', 'pages/detail/index', 'pages/apply/index'] },
    { root: 'packages/enterprise', pages: ['pages/workspace/index', 'pages/complaint/index', 'pages/commitment/index', 'pages/finding/index'] },
    { root: 'packages/staff', pages: ['pages/workspace/index', 'pages/complaint/index', 'pages/statistics/index', 'pages/enterprises/index', 'pages/enterprise/index', 'pages/access-log/index', 'pages/court-case/index', 'pages/credit-findings/index'] },
    // Filing (5 steps, one job each), the result and a complaint's detail: uploads and compression stay out of the main package.
    {
      root: 'packages/complaint',
      pages: ['pages/business/index', 'pages/facts/index', 'pages/photos/index', 'pages/contact/index', 'pages/review/index', 'pages/result/index', 'pages/detail/index'],
    },
    // The enterprise directory's public page, opened from the business suggestions.
    { root: 'packages/enterprise-directory', pages: ['pages/detail/index'] },
    // Staff review of volunteer applications and field reports.
    { root: 'packages/staff-volunteers', pages: ['pages/reports/index', 'pages/report/index', 'pages/applications/index'] },
    { root: 'packages/settings', pages: ['pages/notifications/index', 'pages/export/index', 'pages/account/index', 'pages/account-deletion/index'] },
    // Consumer warnings: public list, detail (share links open it directly) and search; staff editing apart.
    { root: 'packages/warnings', pages: ['pages/list/index', 'pages/detail/index', 'pages/search/index'] },
    { root: 'packages/staff-warnings', pages: ['pages/list/index', 'pages/editor/index'] },
    // Handling rules with their citations (public), opened from a complaint's 依据 line.
    { root: 'packages/rules', pages: ['pages/list/index'] },
    { root: 'packages/staff-rules', pages: ['pages/editor/index'] },
    // Grassroots service stations: finding the nearest (public, with a map on weapp) and managing them (staff; one package, one copy of the feature).
    { root: 'packages/stations', pages: ['pages/finder/index', 'pages/manage/index'] },
    // A station operator's counter: 代办投诉 for a walk-in person, 本站代办记录, monthly figures.
    { root: 'packages/station', pages: ['pages/workspace/index', 'pages/file/index'] },
    // Managing an organization (members, permissions, child organizations), its alliances' transfers and shared findings.
    { root: 'packages/staff-organization', pages: ['pages/manage/index', 'pages/alliance/index', 'pages/findings/index'] },
    // The mediation room (consumer, business, mediator), opened from a complaint's page or a notice.
    { root: 'packages/mediation', pages: ['pages/room/index'] },
    // Group complaints (群体性投诉): the 重点督办 list and one group, for staff.
    { root: 'packages/groups', pages: ['pages/staff-list/index', 'pages/staff-detail/index'] },
    // The mediation agreement: the mediator's editor, the parties' reading and signing, the public check of a printed one.
    { root: 'packages/agreement', pages: ['pages/draft/index', 'pages/sign/index', 'pages/verify/index'] },
    // Lawyer Q&A (律师答疑): the public archive and one session (asking happens there), the asker's answers, the lawyer's workspace, staff scheduling.
    { root: 'packages/lawyers', pages: ['pages/list/index', 'pages/session/index', 'pages/mine/index', 'pages/lawyer/index', 'pages/staff/index', 'pages/aid/index'] },
    // Public credit pages (信用, issue #19): the monthly 红榜/黑榜, published cases (个案公示) and one case with the business's reply,
    // no-reason-return stores (finder, one store with 一键投诉, staff's view with ?staff=1), 失信认定公示.
    { root: 'packages/credit', pages: ['pages/ranking/index', 'pages/cases/index', 'pages/case/index', 'pages/stores/index', 'pages/findings/index'] },
  ],
  // The filing subpackage is small; fetching it early makes 我要投诉 open at once on slow networks.
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['packages/complaint', 'packages/warnings'] },
    'pages/complaints/index': { network: 'all', packages: ['packages/complaint'] },
  },
  window: {
    backgroundTextStyle: 'light',
    // NOTE: Taro H5 hides its title bar (and so the back arrow) unless asked; weapp shows it anyway.
    navigationStyle: 'default',
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
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab-bar/home.png', selectedIconPath: 'assets/tab-bar/home-active.png' },
      { pagePath: 'pages/complaints/index', text: '投诉', iconPath: 'assets/tab-bar/complaints.png', selectedIconPath: 'assets/tab-bar/complaints-active.png' },
      { pagePath: 'pages/messages/index', text: '消息', iconPath: 'assets/tab-bar/messages.png', selectedIconPath: 'assets/tab-bar/messages-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab-bar/me.png', selectedIconPath: 'assets/tab-bar/me-active.png' },
    ],
  },
  // Volunteers' field reports record where they were taken, and 找服务站 lists the nearest first (wx.getLocation;
  // openLocation and the Map component need no declaration).
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '查找附近服务站、记录走访位置' } },
  sitemapLocation: 'sitemap.json',
})
