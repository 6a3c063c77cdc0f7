/**
 * English function words: the words article spinners leave alone (DSpin's "immutables") and
 * that stopword n-grams are built from. Determiners, pronouns, prepositions, conjunctions,
 * auxiliaries and modals, and the commonest adverbs and quantifiers. Lower case; apostrophes
 * are straight (the tokenizer folds curly ones).
 */
const WORDS = `
a an the this that these those some any no every each either neither both all another such
what which whose whichever whatever other others
i me my mine myself we us our ours ourselves you your yours yourself yourselves
he him his himself she her hers herself it its itself they them their theirs themselves
one ones someone somebody something anyone anybody anything everyone everybody everything
nobody nothing none who whom whoever
about above across after against along amid among around as at before behind below beneath
beside besides between beyond by despite down during except for from in inside into like near
of off on onto out outside over past per since than through throughout till to toward towards
under underneath unlike until up upon via with within without
and but or nor so yet if unless because although though while whereas whether once
be am is are was were been being have has had having do does did doing done
will would shall should can could may might must ought
not n't 's 're 've 'd 'll 'm
very too also just only even still already again ever never always often quite rather really
almost perhaps maybe then there here now when where why how thus hence however therefore
indeed instead otherwise else anyway moreover furthermore meanwhile
more most less least much many few several own same enough
yes
`;

/** The stopword set (about 200 words). */
export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w.length > 0));

/** Whether a lower-case word is a function word. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}
