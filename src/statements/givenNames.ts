// Common English given names: their short forms (Vince = Vincent, Bill = William) and the sex they
// usually mark. General language data, like the word lists in lexicon.ts: no person is named here.
// Used only as evidence that agrees or contradicts (aliases.ts): two names fold as variants only when
// the surname agrees too, and a given name's sex only keeps a Mrs from folding into a Mr.

/** Each line: the full form, then its usual short forms. 'm' or 'f' first says the sex. */
const GROUPS = `
m william bill billy will willie liam
m robert bob bobby rob robbie bert
m james jim jimmy jamie
m anthony tony ant
m michael mike mick mickey micky
m vincent vince vinny
m richard dick rick ricky rich richie
m thomas tom tommy
m edward ed eddie ted teddy ned
m charles charlie chas chuck
m joseph joe joey
m john jack johnny jon
m jonathan jon jonny
m christopher chris kit
m nicholas nick nicky
m stephen steve stevie
m steven steve stevie
m daniel dan danny
m david dave davey
m andrew andy drew
m alexander alex sandy
m benjamin ben benny
m samuel sam sammy
m matthew matt
m peter pete
m patrick pat paddy
m timothy tim timmy
m kenneth ken kenny
m ronald ron ronnie
m donald don donnie
m gerald gerry jerry
m gerard gerry
m lawrence larry laurie
m leonard len lenny leo
m raymond ray
m frederick fred freddie
m francis frank frankie
m frank frankie
m gregory greg
m jeffrey jeff
m geoffrey geoff jeff
m joshua josh
m zachary zach zack
m nathaniel nat nate
m nathan nate
m philip phil
m phillip phil
m douglas doug dougie
m terence terry
m malcolm mal
m simon si
m jeremy jez
m gordon
m keir
m david
m oliver ollie olly
m henry harry hal hank
m harold harry
m walter walt wally
m albert al bert
m alan al
m allan al
m alfred alf alfie
m arthur art
m martin marty
m maximilian max
m maxwell max
m neil
m ian
m iain
m colin
m graham
m kevin kev
m brian
m gary gaz
m paul
m mark
m jack
m george
m hugh hughie
m clive
m charles
m tony
m vladimir vlad
m gerhard
m jacques
m jose
m arsene
f elizabeth liz lizzie beth betty bess libby eliza lisa
f margaret maggie meg peggy madge
f catherine kate cathy katie kay
f katherine kate kathy katie kay
f kathryn kate kathy
f jennifer jen jenny
f patricia pat patty trish tricia
f deborah debbie deb
f rebecca becky becca
f susan sue susie
f suzanne sue suzy
f christine chris chrissie
f christina tina chris
f victoria vicky tori
f alexandra alex sandy
f samantha sam sammy
f abigail abby
f jacqueline jackie
f josephine jo josie
f joanna jo
f joanne jo
f dorothy dot dotty
f barbara barb babs
f cynthia cindy
f theresa tess terri
f teresa tess terri
f frances fran
f judith judy
f pamela pam
f penelope penny
f sandra
f joan
f jean
f jo
f helen
f helena
f mary molly polly
f anne annie
f ann annie
f hazel
f harriet hattie
f ruth
f tessa
f clare
f claire
f estelle
f hilary
f cherie
f angela angie
f sarah sally
f emma
f jane
f julie
f diane di
f hillary
f condoleezza condi
f tessa
f ellen
f valerie val
f sheila
f janet
f karen
f laura
f linda
f lucy
f louise
f nicola nicky
f caroline carol
f carol
f natalie nat
f rachel
f ruth
f sophie
f sylvia
f wendy
`;

interface GivenName {
  sex: 'm' | 'f';
  /** The full forms this name is, or is short for ("jon" → john, jonathan). */
  groups: Set<string>;
}

const NAMES = new Map<string, GivenName>();
for (const line of GROUPS.trim().split('\n')) {
  const [sex, full, ...short] = line.trim().split(/\s+/) as ['m' | 'f', string, ...string[]];
  for (const name of [full, ...short]) {
    const known = NAMES.get(name) ?? { sex, groups: new Set<string>() };
    // A short form used by both sexes (pat, sam, alex, chris, jo, nicky) marks neither.
    if (known.sex !== sex) (known as { sex: 'm' | 'f' | null }).sex = null;
    known.groups.add(full);
    NAMES.set(name, known);
  }
}

/** Lower-case given name → whether the table knows it. */
export const isGivenName = (name: string): boolean => NAMES.has(name.toLowerCase());

/** The sex a given name usually marks, or null (unknown, or used by both). */
export function givenNameSex(name: string): 'm' | 'f' | null {
  return NAMES.get(name.toLowerCase())?.sex ?? null;
}

/** "Vince" and "Vincent", "Bill" and "William": one is a short form of the other (or both of one name). */
export function sameGivenName(a: string, b: string): boolean {
  const x = NAMES.get(a.toLowerCase());
  const y = NAMES.get(b.toLowerCase());
  if (!x || !y) return false;
  for (const g of x.groups) if (y.groups.has(g)) return true;
  return false;
}
