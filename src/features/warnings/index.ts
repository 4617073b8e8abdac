// Pages of packages/warnings and packages/staff-warnings import from here; 首页 imports only ./banner.
export { prefetchWarningList, WarningListView } from './components/warning-list-view'
export { WarningDetailView } from './components/warning-detail-view'
export { WarningSearchView } from './components/warning-search-view'
export { shareCard, warningDetailPath, WARNING_LIST_PAGE } from './share/warning-link'
