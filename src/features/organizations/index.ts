export { MoveCase } from './components/move-case'
