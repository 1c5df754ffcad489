// Every test process writes its temporary files (CDK's default cdk.out directories, bundles, fixtures) under one
// directory per `npm test` run, removed at the end: without it, each run left some 200 cdk.out* directories in /tmp.
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'portico-test-'));
  // Workers are started after global setup and inherit this environment; os.tmpdir() reads TMPDIR on each call.
  process.env.PORTICO_TEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
};

module.exports.teardown = async function teardown() {
  const dir = process.env.PORTICO_TEST_TMPDIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
};
