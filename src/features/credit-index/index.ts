export { CreditIndexSection } from './components/credit-index-section'
export { RankingView } from './components/ranking-view'
