import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readInputs, sniffKind } from './read.js';
import { InputError } from '../errors.js';
import type { RawDocument } from '../types.js';

async function collect(paths: string[], options = {}): Promise<(RawDocument | InputError)[]> {
  const out: (RawDocument | InputError)[] = [];
  for await (const item of readInputs(paths, options)) out.push(item);
  return out;
}

const describe = (items: (RawDocument | InputError)[], root: string): string[] =>
  items.map((i) => (i instanceof InputError ? `ERR ${i.message}` : `${i.kind} ${i.source}`).split(root).join('<root>'));

function makeTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'storytrace-read-'));
  mkdirSync(join(root, 'b'));
  mkdirSync(join(root, '.hidden'));
  writeFileSync(join(root, 'a.txt'), 'Plain story.\n');
  writeFileSync(join(root, 'b', 'page.HTML'), '<html><body><p>Page text.</p></body></html>');
  writeFileSync(join(root, 'b', 'lines.jsonl'), '{"text":"one","title":"T1","published":"March 2, 2020"}\n\nnot json\n{"html":"<p>two</p>","url":"https://x.example/2"}\n{"title":"no body"}\n');
  writeFileSync(join(root, 'b', 'noext'), '<!doctype html><p>sniffed</p>');
  writeFileSync(join(root, 'b', 'index.sgml'), '<doc>markup</doc>');
  writeFileSync(join(root, '.hidden', 'secret.txt'), 'hidden');
  writeFileSync(join(root, 'c.bin'), Buffer.from([0x50, 0x4b, 0, 0, 1, 2]));
  writeFileSync(join(root, 'd.warc.gz'), 'x');
  symlinkSync(join(root, 'a.txt'), join(root, 'b', 'link.txt'));
  return root;
}

test('folders: sorted, recursive, hidden and symlinks and unknown extensions skipped, JSONL per line', async () => {
  const root = makeTree();
  try {
    const items = await collect([root]);
    assert.deepEqual(describe(items, root), [
      'text <root>/a.txt',
      'text <root>/b/lines.jsonl:1',
      'ERR <root>/b/lines.jsonl:3: invalid JSON (Unexpected token \'o\', "not json" is not valid JSON)',
      'html <root>/b/lines.jsonl:4',
      'ERR <root>/b/lines.jsonl:5: no "text" or "html" field',
      'html <root>/b/noext',
      'html <root>/b/page.HTML',
      'ERR <root>/d.warc.gz: truncated or corrupt WARC.gz after 0 records (unexpected end of file)',
    ]);
    const first = items[1] as RawDocument;
    assert.deepEqual(first.meta, { title: 'T1', published: '2020-03-02' });
    assert.deepEqual((items[3] as RawDocument).meta, { url: 'https://x.example/2' });
    const withLinks = describe(await collect([root], { followSymlinks: true, sniffUnknownInFolders: true }), root);
    assert.ok(withLinks.includes('text <root>/b/link.txt'));
    assert.ok(withLinks.includes('ERR <root>/c.bin: binary data, not text'));
    assert.ok(withLinks.includes('text <root>/b/index.sgml'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('files given by name, missing paths, URLs, size limit; errors do not stop the batch', async () => {
  const root = makeTree();
  try {
    const items = await collect([join(root, 'c.bin'), join(root, 'nope.txt'), 'http://127.0.0.1:9/a', `${root}//a.txt`, join(root, 'b', 'noext')], {
      maxBytes: 1000,
    });
    assert.deepEqual(describe(items, root), [
      'ERR <root>/c.bin: binary data, not text',
      'ERR <root>/nope.txt: no such file or directory',
      'ERR http://127.0.0.1:9/a: 127.0.0.1 is a private address (allow with --allow-private)',
      'text <root>/a.txt',
      'html <root>/b/noext',
    ]);
    const small = await collect([join(root, 'a.txt')], { maxBytes: 5 });
    assert.ok(small[0] instanceof InputError && /larger than 5 bytes/.test(small[0].message));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('stdin is sniffed: html, jsonl, text', async () => {
  const run = async (s: string) => collect(['-'], { stdin: Readable.from([Buffer.from(s)]) });
  assert.equal(((await run('<html><body><p>x</p></body></html>'))[0] as RawDocument).kind, 'html');
  assert.equal(((await run('Just words.\nMore words.'))[0] as RawDocument).kind, 'text');
  const lines = await run('{"text":"a"}\n{"text":"b"}\n');
  assert.deepEqual(lines.map((l) => (l as RawDocument).source), ['-:1', '-:2']);
  assert.equal(sniffKind('Costs rose <5% in May. Prices > wages.'), 'text');
});
