export { FindingsBoard } from './components/findings-board'
export { MatchingFindings } from './components/matching-findings'
