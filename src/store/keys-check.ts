import { UserError } from '../errors.js';
import { isBucketKey } from '../fingerprint/keys.js';

/** Refuses anything but integer bucket keys (a caller passing old text keys gets told why). */
export function checkBucketKeys(keys: Iterable<unknown>): void {
  for (const k of keys) {
    if (!isBucketKey(k)) {
      throw new UserError('bad_bucket_key', `bucket keys must be integers below 2^43 (src/fingerprint/keys.ts), got ${JSON.stringify(k)}`);
    }
  }
}
