import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pretenuringOff } from './v8-flags.js';

test('pretenuring is turned off unless node was started with --allocation-site-pretenuring', () => {
  assert.equal(pretenuringOff([]), true);
  assert.equal(pretenuringOff(['--import', 'tsx', '--max-old-space-size=4096']), true);
  assert.equal(pretenuringOff(['--no-allocation-site-pretenuring']), true);
  assert.equal(pretenuringOff(['--allocation-site-pretenuring']), false);
  assert.equal(pretenuringOff(['--import', 'tsx', '--allocation_site_pretenuring']), false);
});
