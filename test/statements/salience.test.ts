// The one ranking that decides who a pronoun or a description points back to (salience.ts), on real
// BBC articles (test/fixtures/bbc-style, copied from the BBC News 2005 corpus) and short texts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankCandidates, givenNameGender, type SpeakerMention } from '../../src/statements/salience.js';
import type { Speaker } from '../../src/statements/speakers.js';
import { analyse, saying } from './helpers.js';

const BBC = join(import.meta.dirname, '..', 'fixtures', 'bbc-style');
const bbc = (name: string) => analyse(readFileSync(join(BBC, `${name}.txt`), 'utf8'));
const person = (name: string): Speaker => ({ name, kind: 'person', human: true, plural: false });

describe('the salience ranking', () => {
  const a = person('Ann Lee');
  const b = person('Bob Ray');
  const any = () => true;

  it('ranks a speaker over a subject over any other mention in the same sentence', () => {
    const ranked = rankCandidates([[{ speaker: a, role: 'other' }, { speaker: b, role: 'speaker' }]], any);
    expect(ranked.map((c) => c.speaker.name)).toEqual(['Bob Ray', 'Ann Lee']);
    const subject = rankCandidates([[{ speaker: a, role: 'other' }, { speaker: b, role: 'subject' }]], any);
    expect(subject[0]!.speaker.name).toBe('Bob Ray');
  });

  it('reads a name after a title that opens the sentence as its subject: "He says" is the last sentence\'s subject, not the man it mentions', () => {
    // "Former Downing Street communications chief Alastair Campbell, now working on …, says a … image does
    // not fit Mr Howard. He says Tony Blair was not worried … because Mr Howard lacked a "big strategy"".
    const { statements } = bbc('politics_013');
    const strategy = statements.find((s) => s.text.includes('big strategy'))!;
    expect(strategy.speaker).toBe('Alastair Campbell');
    // The Tory leader's own answer in the next sentence stays his.
    expect(statements.find((s) => s.text.includes('absolutely rubbish'))!.speaker).toBe('Michael Howard');
  });

  it('halves a mention with each sentence back: a recent subject outranks an older speaker', () => {
    const window: SpeakerMention[][] = [[{ speaker: a, role: 'speaker' }], [{ speaker: b, role: 'subject' }]];
    expect(rankCandidates(window, any)[0]!.speaker.name).toBe('Bob Ray');
  });

  it('counts a person by the strongest mention, so passing mentions in reported words do not add up past the last speaker', () => {
    const window: SpeakerMention[][] = [
      [{ speaker: a, role: 'subject' }],
      [{ speaker: a, role: 'other' }],
      [{ speaker: b, role: 'speaker' }, { speaker: a, role: 'other' }],
    ];
    expect(rankCandidates(window, any)[0]!.speaker.name).toBe('Bob Ray');
  });

  it('filters before ranking and explains each score', () => {
    const ranked = rankCandidates([[{ speaker: a, role: 'speaker' }, { speaker: b, role: 'other' }]], (s) => s.name === 'Bob Ray');
    expect(ranked).toHaveLength(1);
    expect(ranked[0]!.reasons[0]).toMatch(/^other in the last sentence/);
  });

  it('knows the usual gender of common given names, and nothing of other words', () => {
    expect(givenNameGender('Sharon')).toBe('f');
    expect(givenNameGender('Robbie')).toBe('m');
    expect(givenNameGender('Radio')).toBeNull();
    expect(givenNameGender('de')).toBeNull();
  });
});

describe('who speaks, on real BBC articles', () => {
  it('gives "he said" after a quote to the subject of the sentence before, not the earlier speaker (sport_150)', () => {
    const { statements } = bbc('sport_150');
    expect(saying(statements, "They're on a high")?.speaker).toBe('Robbie Keane');
    expect(saying(statements, 'was not pretty to watch')?.speaker).toBe('Robbie Keane');
  });

  it('resolves a description after a quote to the person the article follows: "the Dutchman", "the Irishman" (sport_150)', () => {
    const { statements } = bbc('sport_150');
    expect(saying(statements, "We had the initiative")?.speaker).toBe('Martin Jol');
    expect(saying(statements, "it's all about the result")?.speaker).toBe('Robbie Keane');
    expect(statements.some((s) => /Dutchman|Irishman/.test(s.speaker))).toBe(false);
  });

  it('resolves "the Salford MP told", "she told a Commons inquiry" and "the spokesman said" (politics_105)', () => {
    const { statements } = bbc('politics_105');
    expect(saying(statements, 'The threat is most likely')?.speaker).toBe('Hazel Blears');
    expect(saying(statements, 'Qualifications for religious leaders')?.speaker).toBe('Hazel Blears');
    expect(saying(statements, 'The minister had been saying')?.speaker).toBe('prime minister’s official spokesman'.replace('’', "'"));
  });

  it('continues an uncued opening quote with the speaker of the paragraph before (politics_105)', () => {
    const { statements } = bbc('politics_105');
    expect(saying(statements, 'It means that some of our counter terrorism powers')?.speaker).toBe('Hazel Blears');
  });

  it('tells apart two people who share a surname by who the text is following (entertainment_141)', () => {
    const { statements } = bbc('entertainment_141');
    expect(saying(statements, 'I acted on impulse')?.speaker).toBe('Ozzy Osbourne');
    expect(saying(statements, 'just coming to grips')?.speaker).toBe('Ozzy Osbourne');
    expect(saying(statements, 'was one of only 10 made')?.speaker).toBe('Sharon Osbourne');
    expect(saying(statements, 'could have met the same fate')?.speaker).toBe('Ozzy Osbourne');
  });

  it('takes the subject after a leading phrase over a possessive mention: "Formerly one of Mr Brown\'s aides, Ed Balls hinted… He said" (business_106)', () => {
    const { statements } = bbc('business_106');
    expect(saying(statements, 'build on current tax credit rules')?.speaker).toBe('Ed Balls');
    expect(statements.filter((s) => s.speaker === 'Gordon Brown').map((s) => s.text)).not.toContainEqual(expect.stringContaining('tax credit'));
  });

  it('lets "she" pass over a man named last and take the woman the text follows', () => {
    const { statements } = analyse('Jane Moss, the council leader, spoke after meeting Tom Hale. "We will act," she said.');
    expect(saying(statements, 'We will act')?.speaker).toBe('Jane Moss');
  });
});

describe('statement boundaries', () => {
  it('keeps per cent signs and currency symbols in a reported clause', () => {
    const { statements } = analyse('Mr Brown said growth was 3.7%. Growth would reach 3.9%, Mr Brown said. He said the cost was £3.5bn.');
    expect(statements.map((s) => s.text)).toEqual(expect.arrayContaining([expect.stringContaining('growth was 3.7%'), expect.stringContaining('Growth would reach 3.9%'), expect.stringContaining('the cost was £3.5bn')]));
  });

  it('splits a sentence before a quote that follows a full stop, so the quote gets its own cue', () => {
    const { statements } = analyse('Mr Brown spoke first. Ms Hill, the chair, agreed with him. "They\'re on a high," she said.');
    expect(saying(statements, "They're on a high")?.speaker).toBe('Hill');
  });
});

describe('quotes with no cue of their own', () => {
  it('continue the one person the sentence before reported (business_136)', () => {
    const { statements } = bbc('business_136');
    expect(saying(statements, 'We will return to the state')?.speaker).toBe('Yulia Tymoshenko');
  });

  it('at the top of a paragraph, continue whoever the last reporting sentence reported alone', () => {
    const { statements } = analyse('Ann Lee, the mayor, spoke first. Tom Hale said the plan was sound. Later Ms Lee said she agreed with every word of it.\n\n"It is the right thing to do."');
    expect(saying(statements, 'It is the right thing to do')?.speaker).toBe('Ann Lee');
  });

  it('stay unattributed after a sentence that reported two people', () => {
    const { statements } = analyse('Ann Lee said the plan was sound and Tom Hale said it was not. "Nobody knows."');
    expect(saying(statements, 'Nobody knows')).toBeUndefined();
  });
});

describe('acts that are not words', () => {
  it('leave out "accused X of Y" without quoted words, keep its quoted words (politics_105)', () => {
    const { statements } = bbc('politics_105');
    expect(saying(statements, 'playing an Islamophobia card')?.speaker).toBe('Massoud Shadjareh');
    const { statements: plain } = analyse('Mr Keane accused Vieira of starting the row.');
    expect(plain).toEqual([]);
  });
});

describe('names the article gives in more than one way', () => {
  it('reads "Detective Inspector Paul Miller of Thames Valley Police" as Paul Miller and "he" after him as him (entertainment_141)', () => {
    const { statements } = bbc('entertainment_141');
    expect(saying(statements, 'used a ladder')?.speaker).toBe('Paul Miller');
    expect(saying(statements, 'Whilst selecting items of jewellery')?.speaker).toBe('Paul Miller');
  });

  it('folds a two-word surname into the full name before it: "Ten Cate said" (sport_140)', () => {
    const { statements } = bbc('sport_140');
    expect(saying(statements, 'To react the way Chelsea have is pathetic')?.speaker).toBe('Henk Ten Cate');
  });

  it('gives a title nobody holds to the clearly salient person with no other office: "The former cabinet secretary said" (politics_027)', () => {
    const { statements } = bbc('politics_027');
    expect(saying(statements, 'I would be critical of the present government')?.speaker).toBe('Robin Butler');
  });

  it('passes over people with another office: "the prime minister says" is not the London mayor (politics_075)', () => {
    const { statements } = bbc('politics_075');
    expect(saying(statements, 'time for Mr Livingstone to say sorry')?.speaker).toBe('Tony Blair');
  });
});

describe('speakers described before they are named', () => {
  it('gives the lead\'s "a Home Office minister has said" to the person the next sentence names (politics_105)', () => {
    const { statements } = bbc('politics_105');
    expect(saying(statements, 'UK Muslims should accept')?.speaker).toBe('Hazel Blears');
  });

  it('leaves a described speaker unattributed when the next sentences name nobody speaking', () => {
    const { statements } = analyse('Rates will rise, a senior minister has said.\n\nThe decision follows months of debate.');
    expect(saying(statements, 'Rates will rise')).toBeUndefined();
  });

  it('makes "a spokesman" the spokesperson of the organisation that just spoke, never the organisation', () => {
    const { statements } = analyse('Acme Holdings said it would appeal against the ruling. "We will fight this all the way," a spokesman said.');
    expect(saying(statements, 'We will fight this')?.speaker).toBe('Acme Holdings spokesman');
    expect(saying(statements, 'appeal against the ruling')?.speaker).toBe('Acme Holdings');
  });
});

describe('coordinated reported clauses', () => {
  it('splits "said he would not … and that reports were not “well informed”" into its clauses', () => {
    const { statements } = analyse('Mr Clarke said he would not be launching an investigation and that the media reports were not "well informed".');
    expect(statements.map((s) => [s.kind, s.text])).toEqual([
      ['indirect', 'he would not be launching an investigation'],
      ['partial', 'well informed'],
    ]);
  });
});

describe('subjects', () => {
  it('skip a relative clause after a name and a possessive at the start: "he told" after "Weitz, who admitted …, said" is Weitz (entertainment_094)', () => {
    const { statements } = bbc('entertainment_094');
    expect(saying(statements, 'one of the few books to have changed my life')?.speaker).toBe('Chris Weitz');
  });

  it('give a description to the one person the article put the same noun before: "the heavy metal star" after "Rock star Ozzy Osbourne" (entertainment_141)', () => {
    const { statements } = bbc('entertainment_141');
    expect(saying(statements, 'could have met the same fate')?.speaker).toBe('Ozzy Osbourne');
  });
});

describe('what is not a statement (the reader\'s check on the BBC archive)', () => {
  it('a negated verb reports nothing: "unhappy with Van Nistelrooy for not revealing he was carrying an injury"', () => {
    const { statements } = analyse('Ferguson was unhappy with Van Nistelrooy for not revealing he was carrying an injury. Mr Smith did not say the club would sell him.');
    expect(statements).toEqual([]);
  });

  it('the quoted words of a denial are the charge, not the speaker\'s: "denied the party was trying to “hide” the prime minister"', () => {
    const { statements } = analyse('Labour election chief Alan Milburn denied the party was trying to "hide" the prime minister.');
    expect(saying(statements, 'hide')).toBeUndefined();
  });

  it('"told BBC Radio 4\'s Today programme" is the cue; the clause after it is what was said', () => {
    const { statements } = analyse("Lord Falconer told BBC Radio 4's Today programme he hoped voluntary mediation could help solve disputes.");
    expect(statements.map((s) => s.text)).toEqual(['he hoped voluntary mediation could help solve disputes']);
  });

  it('"how good a prime minister Gordon Brown will make" gives him no office', () => {
    const { people } = analyse('Voters wonder how good a prime minister Gordon Brown will make. "We will see," Mr Brown said.');
    expect(people.find((p) => p.name === 'Gordon Brown')?.roles ?? []).toEqual([]);
  });
});

describe('single names', () => {
  it('a job word before a single name makes it a person, and "he said" after it is theirs: "Barca midfielder Deco … agreed" (sport_140)', () => {
    const { statements } = bbc('sport_140');
    expect(saying(statements, 'not typical of his fellow Portuguese')?.speaker).toBe('Deco');
    expect(saying(statements, "It's not normal behaviour on his part")?.speaker).toBe('Deco');
  });

  it('a given name after a job word is the person the article names in full: "His wife Sharon" (entertainment_141)', () => {
    const { statements, people } = bbc('entertainment_141');
    expect(saying(statements, 'wedding rings were taken')?.speaker).toBe('Sharon Osbourne');
    expect(people.some((p) => p.name === 'Sharon')).toBe(false);
  });
});

describe('phrases that are not reported clauses', () => {
  it('leave out "insisting on improved standards", "announced his decision to quit", "warned his supporters against complacency"', () => {
    const { statements } = analyse(
      'Mr Blunkett won big increases in funds for schools, while insisting on improved standards of literacy and numeracy. Mr Kilroy Silk announced his decision to quit UKIP at a public meeting in Hinckley. Mr Blair warned his supporters against complacency.',
    );
    expect(statements).toEqual([]);
  });

  it('keep a clause after a time: "said on Tuesday he would resign", and the clause after "told BBC Radio Four\'s the World at One"', () => {
    const { statements } = analyse("Mr Smith said on Tuesday he would resign at the end of the month. David Davis told BBC Radio Four's the World at One his primary concern was potential miscarriages of justice.");
    expect(statements.map((s) => s.text)).toEqual(['on Tuesday he would resign at the end of the month', 'his primary concern was potential miscarriages of justice']);
  });
});

