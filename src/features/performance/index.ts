export { PerformanceCard } from './components/performance-card'
export { UnperformedCases } from './components/unperformed-cases'
export { PerformanceHandling } from './components/performance-handling'
