export { WorkspaceShell } from './components/workspace-shell'
