/**
 * V8 settings for the storytrace process, imported first by main.ts so they hold before any
 * work starts. V8 flags are process-wide: worker threads share them.
 *
 * Allocation-site pretenuring off. V8 watches each allocation site and, once enough of its
 * objects survive a young-generation collection, allocates that site's objects straight into the
 * old generation. A trace keeps candidate texts' token arrays alive (a cache of recent bases,
 * and every token of a trace until it ends), so V8 soon pretenures the site that builds token
 * objects; from then on every token of every later text, most of them short-lived, lands in the
 * old generation, and tokenising ran 5-7x slower in a scratch test (41 ms for 420 benchmark
 * articles, 250-390 ms once tokens had been retained, 46-55 ms with this flag). Trace latency
 * at 10 k, alternating with and without, is in bench/RESULTS.md. Library users who trace many
 * articles in one process can pass the same flag to node (`node --no-allocation-site-pretenuring`).
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-allocation-site-pretenuring');
