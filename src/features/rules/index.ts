export { RuleSetList } from './components/rule-set-list'
