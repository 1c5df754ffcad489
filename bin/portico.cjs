#!/usr/bin/env node
// The installed package's command: compiled JavaScript only, no TypeScript loader at run time.
require('../dist/cli/main.js');
