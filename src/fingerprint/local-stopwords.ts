/**
 * English function words for the spin-proof sketches: articles, pronouns, prepositions,
 * conjunctions, auxiliaries, common adverbs and quantifiers — words a synonym spinner leaves
 * alone. Our own list. Used until src/text/stopwords.ts is shared; a change here changes the
 * fingerprint, so STOPWORDS_VERSION is part of the index parameter key.
 */
export const LOCAL_STOPWORDS: readonly string[] = `
a about above after again against all almost also although always am among an and another any
are around as at be because been before being below between both but by can cannot could did
do does doing down during each either else ever every few for from further had has have having
he her here hers herself him himself his how however i if in into is it its itself just least
less many may me might more most much must my myself neither never no nor not now of off often
on once one only or other others our ours ourselves out over own per perhaps rather same several
shall she should since so some such than that the their theirs them themselves then there these
they this those though through thus to too toward towards under until up upon us very was we were
what whatever when where whether which while who whom whose why will with within without would
yet you your yours yourself yourselves
`
  .split(/\s+/)
  .filter((w) => w.length > 0);
