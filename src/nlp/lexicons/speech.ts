/**
 * @module nlp/lexicons/speech: verbs of saying, hand-written from news attribution style. The
 * cast reads them to weigh a mention that speaks ("Macron said") as salient and to resolve
 * "it said" / "they told" to an organisation; nlp/quotes keeps its own, fuller list.
 */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  (
    'said says say told tells tell added adds stated states announced announces explained explains ' +
    'noted notes asked asks replied replies wrote writes insisted insists warned warns claimed claims ' +
    'argued argues stressed stresses confirmed confirms denied denies acknowledged acknowledges ' +
    'suggested suggests indicated indicates estimated estimates described describes declared declares ' +
    'commented comments remarked urged urges predicted predicts tweeted tweets posted posts ' +
    'responded responds admitted admits reported reports revealed reveals promised promises ' +
    'vowed vows pledged pledges conceded concedes contended continued continues recalled recalls ' +
    'told reiterated reiterates emphasised emphasized'
  ).split(' '),
)
