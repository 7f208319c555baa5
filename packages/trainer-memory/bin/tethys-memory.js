#!/usr/bin/env node
// The package runs from its TypeScript sources (tsx transpiles on load), so a
// fresh checkout needs no build step before `npx tethys-memory`.
require('tsx/cjs');
require('../src/cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
