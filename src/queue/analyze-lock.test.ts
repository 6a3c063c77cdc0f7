import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { StoreError } from '../errors.js';
import { findPgServer, PG_SKIP_MESSAGE, TestSchemas } from '../test-helpers/postgres.js';
import { openAnalysisLock } from './analyze-lock.js';

test('SQLite has no lock to take: the work just runs', async () => {
  const lock = openAnalysisLock('some/store.db');
  assert.equal(await lock.run(async () => 7), 7);
  await lock.close();
});

test('a lock that cannot be taken is a one-line store error naming the database; the work does not run', async () => {
  const lock = openAnalysisLock('postgres://someone:secret@127.0.0.1:1/news');
  let ran = false;
  await assert.rejects(
    lock.run(async () => (ran = true)),
    (err: Error) => err instanceof StoreError && /^postgres:\/\/someone@127\.0\.0\.1:1\/news: cannot connect/.test(err.message) && !err.message.includes('secret'),
  );
  assert.equal(ran, false);
  await lock.close();
});

const pgUrl = await findPgServer();
if (pgUrl === null) {
  test('the analysis lock on PostgreSQL', (t) => t.skip(PG_SKIP_MESSAGE));
} else {
  const schemas = new TestSchemas(pgUrl);
  after(() => schemas.dropAll());

  test('two holders of one schema run one after the other; another schema is not blocked', async () => {
    const { schema, url } = schemas.fresh('lock');
    const other = schemas.fresh('lock').url;
    await schemas.query(`CREATE SCHEMA ${schema}`);
    await schemas.query(`CREATE SCHEMA ${new URL(other).searchParams.get('schema')}`);
    const [first, second, elsewhere] = [openAnalysisLock(url), openAnalysisLock(url), openAnalysisLock(other)];
    try {
      const events: string[] = [];
      let letGo!: () => void;
      const holding = new Promise<void>((r) => (letGo = r));
      let entered!: () => void;
      const inside = new Promise<void>((r) => (entered = r));
      const one = first.run(async () => {
        events.push('first in');
        entered();
        await holding;
        events.push('first out');
      });
      await inside;
      const two = second.run(async () => void events.push('second in'));
      // The other schema's lock is free while the first holds this one.
      await elsewhere.run(async () => void events.push('other schema'));
      letGo();
      await Promise.all([one, two]);
      assert.deepEqual(events, ['first in', 'other schema', 'first out', 'second in']);
    } finally {
      await Promise.all([first.close(), second.close(), elsewhere.close()]);
    }
  });
}
