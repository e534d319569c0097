// The vocabulary of English news attribution: speech verbs, titles, honorifics, institutions.
// General word lists only — no names of people or organisations appear here.

import { getGender } from 'gender-detection-from-name';
import { isGivenName } from './givenNames.js';

const set = (words: string) => new Set(words.trim().split(/\s+/));

/** How a speech verb may introduce what was said. */
export interface VerbInfo {
  /** 'clause': takes reported speech with or without quotes (said, told, warned…). 'quote': only
   *  counts as speech when quoted words follow (called it "x", pledged to "y"). 'event': marks a
   *  speech event (speaking…) without reporting content. 'colon': only before "…:" and a quote (read). */
  takes: 'clause' | 'quote' | 'event' | 'colon';
  /** Verbs whose object comes before the content: told reporters that…, accused X of "…". */
  object?: boolean;
  participle?: boolean;
}

const CLAUSE_VERBS = `say says said saying tell tells told telling add adds added adding warn warns warned warning explain
  explains explained explaining stated stating insist insists insisted insisting claimed claiming
  argue argues argued arguing noted noting confirm confirms confirmed confirming announce announces
  announced announcing reiterate reiterates reiterated reiterating suggest suggests suggested
  suggesting indicate indicates indicated indicating signalled signaled signalling signaling write
  writes wrote writing tweeted tweeting reported reveal reveals revealed revealing admit admits
  admitted admitting acknowledge acknowledges acknowledged acknowledging deny denies denied denying
  replied replying respond responds responded responding declare declares declared declaring stress
  stresses stressed stressing emphasise emphasises emphasised emphasising emphasize emphasizes
  emphasized emphasizing maintain maintains maintained predict predicts predicted predicting concede
  concedes conceded conceding disclose discloses disclosed recall recalls recalled remarked
  commented observe observes observed accuse accuses accused accusing assure assured promised
  promising vow vows vowed vowing ask asks asked asking assert asserts asserted asserting conclude
  concludes concluded concluding proclaim proclaims proclaimed proclaiming report reports quip quips quipped joke jokes joked joking retort retorts retorted counter
  counters countered complain complains complained complaining lament laments lamented caution
  cautions cautioned recount recounts recounted testify testifies testified exclaimed shouted
  boast boasts boasted boasting claim claims tweet tweets post posts mused answered answers
  explain charged charges contend contends contended contending allege alleges alleged alleging
  remark remarks comment comments observed reply replies recall recalling acknowledged
  emphasised explained informed note notes remarking interject interjects interjected interjecting
  grouse grouses groused grousing opine opines opined opining promise promises inquire inquires inquired
  inquiring elaborate elaborates elaborated elaborating clarify clarifies clarified clarifying affirm
  affirms affirmed affirming reaffirm reaffirms reaffirmed reaffirming speculate speculates speculated
  speculating brag brags bragged bragging confide confides confided confiding fume fumes fumed fuming
  grumble grumbles grumbled grumbling reasoned exclaim exclaims exclaiming shout shouts shouting
  muse muses musing whisper whispers whispered whispering yell yells yelled yelling scream screams
  screamed screaming concur concurs concurred blogs blogged blogging texted emailed`;
const QUOTE_VERBS = `called calling describe describes described describing urge urges urged urging pledged pledging
  blame blames blamed blaming brand brands branded branding dismiss dismissed dismissing hail hailed
  hailing condemn condemned condemning praise praised praising criticise criticised criticising
  criticize criticized criticizing spoke spoken posted posting threaten threatened threatening
  welcome welcomed welcoming label labelled labeled blast blasts blasted blasting slam slams slammed
  slamming demand demands demanded demanding liken likens likened chant chants chanted chanting
  sing sings sang exhort exhorts exhorted encourage encourages encouraged encouraging cite cites
  cited citing mock mocks mocked mocking ridicule ridiculed deride derided decry decried lambast
  lambasted call calls thank thanks thanked thanking credit credits credited crediting bemoan bemoans
  bemoaned bemoaning tout touts touted touting snipe snipes sniped sniping retweet retweets retweeted
  retweeting bark barks barked barking question questions questioned questioning propose proposes
  proposed proposing mention mentions mentioned mentioning imply implies implied implying
  hinted hinting denounce denounces denounced denouncing scold scolds scolded scolding dub dubs dubbed
  dubbing characterize characterizes characterized characterizing characterise characterises
  characterised characterising portray portrays portrayed portraying refer refers referred referring
  referenced echo echoes echoed echoing repeat repeats repeated repeating pronounce pronounced defend
  defends defended defending tease teases teased teasing pledge pledges gush gushes gushed gushing
  railed railing vented venting sneer sneers sneered sneering scoff scoffs
  scoffed scoffing chide chides chided chiding rebuke rebukes rebuked rebuking berate berates berated
  taunt taunts taunted taunting beg begs begged begging implore implores implored imploring plead
  pleads pleaded pleading protested`;
const EVENT_VERBS = `speaking`;
const COLON_VERBS = `read reads continue continues continued`;
const OBJECT_VERBS = set(`tell tells told telling accuse accuses accused accusing assure assured urge urges urged
  urging call calls called calling describe describes described describing brand brands branded branding
  blame blames blamed blaming label labelled labeled ask asks asked asking liken likens likened encourage
  encourages encouraged encouraging exhort exhorts exhorted inform informed thank thanks thanked thanking
  credit credits credited crediting dub dubs dubbed dubbing characterize characterizes characterized
  characterizing characterise characterises characterised characterising portray portrays portrayed
  portraying scold scolds scolded scolding chide chides chided chiding rebuke rebukes rebuked rebuking
  berate berates berated taunt taunts taunted taunting beg begs begged begging implore implores implored
  imploring`);

/** Speech verbs that report only with their particle: "pointed out that", "shot back", "talked up".
 *  Key: a form of the verb; value: the particle and how the phrase takes what was said. */
export const PHRASAL_SPEECH_VERBS = new Map<string, { particle: string; takes: 'clause' | 'quote' }>();
for (const [forms, particle, takes] of [
  ['point points pointed pointing', 'out', 'clause'],
  ['shoot shoots shot shooting', 'back', 'clause'],
  ['hit hits hitting', 'back', 'clause'],
  ['fire fires fired firing', 'back', 'clause'],
  ['chime chimes chimed chiming', 'in', 'clause'],
  ['weigh weighs weighed weighing', 'in', 'quote'],
  ['lash lashes lashed lashing', 'out', 'quote'],
  ['talk talks talked talking', 'up', 'quote'],
  ['play plays played playing', 'down', 'quote'],
  ['stand stands stood standing', 'by', 'quote'],
  ['sum sums summed summing', 'up', 'quote'],
  ['spell spells spelled spelt spelling', 'out', 'quote'],
  ['open opens opened opening', 'up', 'quote'],
] as const) {
  for (const form of set(forms)) PHRASAL_SPEECH_VERBS.set(form, { particle, takes });
}

/** Verbs that report speech only before "that": "agreed that it was not typical" (not "agreed to a call"). */
export const THAT_ONLY_VERBS = set(`agree agrees agreed`);

export const SPEECH_VERBS = new Map<string, VerbInfo>();
for (const [words, takes] of [
  [CLAUSE_VERBS, 'clause'],
  [QUOTE_VERBS, 'quote'],
  [EVENT_VERBS, 'event'],
  [COLON_VERBS, 'colon'],
  [[...THAT_ONLY_VERBS].join(' '), 'clause'],
] as const) {
  for (const word of set(words)) {
    SPEECH_VERBS.set(word, { takes, object: OBJECT_VERBS.has(word), participle: word.endsWith('ing') });
  }
}

/** Forms of "be": a speech verb after one is passive ("it was reported") and has no speaker. */
export const BE = set(`is was were are be been being am 's`);

/** Words that may stand between a subject and its verb: "Lammy himself called", "has also said". */
export const BETWEEN_SUBJECT_AND_VERB = set(`has have had also himself herself itself themselves then later
  previously repeatedly unilaterally separately again once would will could did does do just earlier
  yesterday today tonight recently subsequently publicly privately reportedly allegedly first further
  has'nt never already still now initially quickly swiftly briefly simply even only`);

/** Honorifics before a name (not roles): Mr Lammy, Sir Keir, Gen Kellogg. */
export const HONORIFICS = set(`Mr Mrs Ms Miss Mx Dr Sir Dame Lord Lady Baroness Baron Prof Professor Gen Rev Fr
  Cllr Rep Sen Gov Capt Col Lt Maj Sgt Del Rt Mr. Mrs. Ms. Dr. Gen. Prof. Rev. Sen. Rep. Gov. Capt. Col. Lt. Del.`);

/** Head nouns of titles and roles ("Foreign Secretary", "defence minister", "envoy"). */
export const ROLE_HEADS = set(`president vice-president minister secretary chancellor leader envoy adviser advisor
  general ambassador governor mayor senator congressman congresswoman spokesman spokeswoman spokesperson
  chairman chairwoman chair chief head director commander king queen prince princess pope premier
  representative diplomat negotiator official officials attorney-general attorney prosecutor judge
  justice commissioner counterpart deputy executive ceo founder officer admiral marshal colonel captain
  lieutenant sergeant inspector detective constable superintendent sheriff major emperor sultan sheikh emir chancellor mp mep councillor coach manager boss
  skipper governor`);

/** Qualifiers of a role: "shadow chancellor", "former chancellor", "deputy leader" hold another
 *  office (or none now), not the role itself. */
export const ROLE_QUALIFIERS = set(`shadow former ex deputy acting junior vice assistant interim then late
  outgoing would-be prospective`);

/** Job and descriptor nouns that may stand capitalised before a name at the start of a sentence
 *  ("Broadcaster Chris Evans"): a description of the person, never the first word of the name. */
export const JOB_NOUNS = set(`broadcaster presenter singer actor actress writer author novelist comedian
  campaigner lawyer businessman businesswoman entrepreneur tycoon magnate billionaire millionaire
  striker midfielder defender winger goalkeeper player sprinter athlete golfer boxer jockey veteran
  musician rapper guitarist drummer designer artist photographer journalist columnist producer
  filmmaker academic researcher scientist surgeon activist`);

/** Words that may modify a role head inside a title ("UK Foreign Secretary", "US secretary of state"). */
export const ROLE_MODIFIERS = set(`foreign defence defense home prime vice deputy shadow special state national
  security interior finance health justice trade culture education energy environment transport
  treasury economy economic former retired acting interim senior junior chief first lord general
  top principal permanent foreign-affairs armed forces army navy military press communications
  presidential ministerial cabinet european international development business opposition labour
  conservative party federal regional local army-general of for the`);

/** Heads of anonymous speakers who speak in their own right, never as their principal. */
export const SPOKES_HEADS = set(`spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen source
  sources official officials aide aides insider insiders representative representatives diplomat diplomats
  figure figures ally allies`);

/** Heads of institution names: "the US state department", "the UK Foreign Office". */
export const INSTITUTION_HEADS = set(`department ministry office union council commission government
  administration parliament assembly congress senate committee agency authority bank court party
  service services house street kremlin palace embassy cabinet army navy police force forces
  organisation organization nations alliance coalition group company corporation inc ltd plc times
  post journal guardian telegraph mail news herald gazette tribune standard observer express mirror
  independent economist chronicle review magazine daily weekly press network broadcaster bbc
  agency foundation institute university centre center trust board campaign movement regime
  military command headquarters pentagon secretariat delegation mission federation association charity
  firm league society club school hospital regulator watchdog airline retailer insurer operator
  manufacturer supplier channel website broadcaster prosecutors police holdings llc corp corporation ag gmbh
  partners industries airways airlines motors systems technologies communications pharmaceuticals laboratories`);

/** Name words that mark a publication, so "the newspaper" and "the paper" can find it. */
export const PUBLICATION_HEADS = set(`times post journal guardian telegraph mail news herald gazette tribune
  standard observer express mirror independent economist chronicle review magazine daily weekly
  sun star record courier bulletin press`);

/** Common nouns a speaker may be referred back to with: "the statement said", "the newspaper reported". */
export const ANAPHORIC_BODIES = set(`statement newspaper paper report department ministry office agency
  government administration broadcaster website`);

/** Personal pronouns that may be speakers. */
export const PRONOUNS = new Map<string, 'person' | 'body' | 'plural'>([
  ['he', 'person'],
  ['she', 'person'],
  ['it', 'body'],
  ['they', 'plural'],
]);

/** Capitalised words that begin sentences or clauses but are never part of a name. */
export const FUNCTION_WORDS = set(`The A An And But Or Nor So Yet For In On At To From By With Without After Before
  Ahead During Since Until Meanwhile However Moreover Also Although Though While Whereas When Where Which
  Who Whom Whose What Why How This That These Those It Its He She They We I You His Her Their Our My Your
  Him Them Us Me There Here Then Now Later Earlier Yesterday Today Tonight Speaking Asked Both All Some
  Many Most Several Each Every Other Another Such As If Unless Because Despite Instead Indeed Still Even
  Only Just According Among Amid Amongst Over Under Into Onto Upon About Against Between Across Through
  Throughout Toward Towards Within Not No Yes Last Next First Second Third Former Further Following
  Under Than Once Again Thus Hence Therefore Nevertheless Nonetheless Overall Separately Elsewhere
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
  August September October November December Mon Tue Wed Thu Fri Sat Sun Perhaps Maybe Certainly Clearly
  Obviously Surely Interestingly Ironically Unfortunately Fortunately Sadly Hopefully Apparently Finally
  Ultimately Currently Recently Previously Initially Additionally Similarly Likewise Otherwise Anyway
  Besides Get Let Make Making Take Taking Give Giving Vote Ex Unlike Except Beyond Around Along Behind
  Whether Whatever Whoever Wherever Whenever Why Please Thanks Sorry`);

/** Demonyms and country codes that prefix a title ("Ukrainian President", "US secretary of state"). */
export function isNationality(word: string): boolean {
  if (/^[A-Z]{2,3}$/.test(word)) return true;
  if (NATIONALITIES.has(word)) return true;
  // The endings of demonyms are also those of given names: "Dominic", "Brian", "Julian", "Ali" are people.
  return /^[A-Z][a-z]+(?:ian|ean|ese|ish|ic|i)$/.test(word) && !isKnownGivenName(word);
}
const givenNameCache = new Map<string, boolean>();
/** A given name by our list or by gender-detection-from-name's ("Alan", "Ivan", "Kimberly"). */
export function isKnownGivenName(word: string): boolean {
  let known = givenNameCache.get(word);
  if (known === undefined) {
    known = isGivenName(word) || getGender(word, 'en') !== 'unknown';
    givenNameCache.set(word, known);
  }
  return known;
}
const NATIONALITIES = set(`French Dutch German Greek Swiss Thai American Russian Ukrainian Korean Mexican
  Cuban Chilean Venezuelan Moroccan African European Asian Iranian Israeli Saudi Iraqi Afghan Irish
  Welsh Scottish British English Spanish Polish Turkish Danish Swedish Finnish Norwegian Belgian
  Czech Slovak Hungarian Austrian Canadian Australian Indian Pakistani Chinese Japanese Vietnamese
  Palestinian Syrian Lebanese Egyptian Libyan Nigerian Kenyan Brazilian Argentine Argentinian Italian
  Portuguese Romanian Bulgarian Serbian Croatian Georgian Armenian Belarusian Kazakh Estonian Latvian
  Lithuanian Moldovan Qatari Emirati Yemeni Jordanian Kuwaiti Omani Bahraini Taiwanese Filipino
  Indonesian Malaysian Singaporean Western Eastern Northern Southern Arab Kurdish Jewish Muslim Catholic`);

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Prepositions after which a time belongs to another event, not the speech: "ahead of Wednesday's call". */
export const NON_SPEECH_TIME_PREPOSITIONS = set(`after before ahead since until till following prior by`);

/** Locative prepositions: a lone capitalised word after them is a place ("in Moscow"), not a person. */
export const LOCATIVE_PREPOSITIONS = set(`in to from into across throughout near outside inside towards toward via`);

/** Boundaries after which a new speech clause may start inside a sentence. */
export const CLAUSE_BOUNDARIES = set(`and but as while whereas although though yet or ; , – — -`);

/** Nouns that describe a person without naming them: "the striker", "the singer", "the veteran". */
export const PERSON_NOUNS = new Set(`striker midfielder defender goalkeeper keeper winger forward skipper captain manager coach boss
  player star singer actor actress rocker rapper musician comedian presenter host author writer novelist poet artist
  producer editor columnist journalist reporter veteran champion athlete runner sprinter cyclist golfer boxer driver rider
  jockey batsman bowler teenager youngster mother father wife husband widow widower son daughter campaigner activist
  businessman businesswoman entrepreneur tycoon billionaire barrister solicitor scientist academic professor teacher
  doctor surgeon politician candidate peer mp`.split(/\s+/));
