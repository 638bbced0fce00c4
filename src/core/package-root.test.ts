import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { leadstackPackage } from './package-root.js';

test("leadstackPackage finds the project's package.json above the module, with its version", () => {
  const { root, version } = leadstackPackage();
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  assert.equal(pkg.name, 'leadstack');
  assert.equal(version, pkg.version);
  assert.match(version, /^\d+\.\d+\.\d+/);
});
