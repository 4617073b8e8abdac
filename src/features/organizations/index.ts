export { MoveCase } from './components/move-case'
export { MovedAway } from './components/moved-away'
