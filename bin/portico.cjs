#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx portico` works right after `npm ci` with no build step.
require('tsx/cjs/api').register();
require('./portico.ts');
