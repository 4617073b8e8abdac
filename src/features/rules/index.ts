export { RuleSetList } from './components/rule-set-list'
export { RuleSetEditor } from './components/rule-set-editor'
