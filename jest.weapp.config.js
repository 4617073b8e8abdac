/**
 * Jest config for the weapp smoke tests: renders pages of the *built* mini-program (dist/weapp)
 * in miniprogram-simulate. Build first: npx taro build --type weapp.
 * Run: npx jest -c jest.weapp.config.js   (WEAPP_DIR=dist/weapp by default)
 */
const path = require('path')

process.env.WEAPP_DIR = path.resolve(__dirname, process.env.WEAPP_DIR || 'dist/weapp')

module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>/scripts/weapp'],
  testMatch: ['<rootDir>/scripts/weapp/__tests__/**/*.test.{js,cjs}'],
  testEnvironment: 'jsdom',
  // the built bundle is plain ES5/ES2015 webpack output: do not run it (or the tests) through babel-preset-taro
  transform: {},
  moduleFileExtensions: ['js', 'cjs', 'json'],
  testTimeout: 20000,
}
