import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerEvalCommands } from './cli.js';
import { writeCsv } from './csv.js';

function program(): Command {
  const p = new Command('storytrace').exitOverride();
  p.configureOutput({ writeErr: () => {}, writeOut: () => {} });
  registerEvalCommands(p, {
    compare: () => ({ relation: 'unrelated', share_a: 0, share_b: 0, passages: [] }),
    similarity: (a, b) => (a === b ? 1 : 0),
  });
  for (const c of p.commands) c.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  for (const c of p.commands[0].commands) c.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  return p;
}

test('eval commands are registered with their options', () => {
  const evalCmd = program().commands.find((c) => c.name() === 'eval')!;
  const meter = evalCmd.commands.find((c) => c.name() === 'meter')!;
  assert.deepEqual(meter.options.map((o) => o.long).slice(0, 3), ['--json', '--threshold', '--folds']);
  assert.ok(evalCmd.commands.some((c) => c.name() === 'semeval'));
});

test('bad option values are rejected', async () => {
  await assert.rejects(program().parseAsync(['node', 'x', 'eval', 'meter', '/nowhere', '--folds', '1']), /folds/);
  await assert.rejects(program().parseAsync(['node', 'x', 'eval', 'meter', '/nowhere', '--threshold', '2']), /threshold/);
});

test('eval semeval --json prints the result as JSON on stdout', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-'));
  const csv = join(dir, 'p.csv');
  const header = ['', 'pair_id', 'lang1', 'lang2', 'text1', 'text2', 'Overall'];
  writeFileSync(csv, writeCsv([header, ['0', '1_2', 'en', 'en', 'x', 'x', '1'], ['1', '3_4', 'en', 'en', 'x', 'y', '4']]));
  const chunks: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((s: string) => (chunks.push(String(s)), true)) as typeof process.stdout.write;
  try {
    await program().parseAsync(['node', 'x', 'eval', 'semeval', csv, '--json']);
  } finally {
    process.stdout.write = original;
    rmSync(dir, { recursive: true, force: true });
  }
  const out = JSON.parse(chunks.join(''));
  assert.equal(out.load.kept, 2);
  assert.equal(out.auc, 1);
});
