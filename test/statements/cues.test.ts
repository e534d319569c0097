import { describe, expect, it } from 'vitest';
import { findCues } from '../../src/statements/findCues.js';
import { findQuotes, maskQuotes } from '../../src/statements/findQuotes.js';
import { tokenize } from '../../src/statements/tokens.js';
import { isNationality } from '../../src/statements/lexicon.js';
import { analyse, fixture, saying } from './helpers.js';

function cuesOf(text: string) {
  const { quotes } = findQuotes(text);
  const tokens = tokenize(maskQuotes(text, quotes), quotes);
  return findCues(tokens).map((c) => ({
    verb: c.verbText,
    trailing: c.trailing,
    subject: c.subject.type === 'np' ? tokens.slice(c.subject.from, c.subject.to).map((t) => t.text).join(' ') : c.subject.type,
    content: tokens.slice(c.content.from, c.content.to).map((t) => (t.kind === 'quote' ? '<q>' : t.text)).join(' '),
  }));
}

describe('findCues', () => {
  it('reads "X said:" before a quote and "…,” he said" after one', () => {
    expect(cuesOf('Mr Lee said: “We are ready.”')).toEqual([{ verb: 'said', trailing: false, subject: 'Mr Lee', content: '<q>' }]);
    expect(cuesOf('“We are ready,” he told reporters on Tuesday night.')[0]).toMatchObject({ trailing: true, subject: 'pronoun', content: '<q>' });
  });

  it('reads a trailing cue after reported speech: "…, a UK source said."', () => {
    expect(cuesOf('The two men spoke on Tuesday and agreed more talks were needed, a UK source said.')).toEqual([
      { verb: 'said', trailing: true, subject: 'a UK source', content: 'The two men spoke on Tuesday and agreed more talks were needed' },
    ]);
  });

  it('skips adjuncts before "that" and an apposition between subject and verb', () => {
    const [cue] = cuesOf('Jo Park, an adviser to the ministry, told the House of Commons on Tuesday that cuts would follow.');
    expect(cue).toMatchObject({ subject: 'Jo Park', content: 'cuts would follow' });
  });

  it('reads coordinated and participle cues: "… and added", ", posting on X:"', () => {
    const cues = cuesOf('Ms Day said it was “not helpful” but added it was “naïve”, posting on X: “Enough.”');
    expect(cues.map((c) => c.subject)).toEqual(['Ms Day', 'coordinated', 'coordinated']); // the participle continues the cue before it
  });

  it('reads "according to" before and after the reported words', () => {
    expect(cuesOf('Prices will rise, according to the Bank of England.')[0]).toMatchObject({ verb: 'according to', trailing: true, subject: 'the Bank of England', content: 'Prices will rise' });
    expect(cuesOf('According to Tom Reed, chief economist at Harbour Capital, prices will rise.')[0]).toMatchObject({ subject: 'Tom Reed', content: 'prices will rise' });
  });

  it('does not read passives, nouns or verbs inside reported speech as cues', () => {
    expect(cuesOf('It was reported that the deal collapsed.').filter((c) => c.subject !== 'none')).toEqual([]);
    expect(cuesOf('The remarks were widely shared.')).toEqual([]);
    expect(cuesOf('Mr Lee said Ms Day had told him the plan was dead.')).toHaveLength(1);
    expect(cuesOf('Mr Lee and Ms Day said they would meet.')[0]!.subject).toBe('plural');
  });
});

describe('statement kinds', () => {
  it('makes reported speech without quote marks an indirect statement of the reported clause', () => {
    const { statements } = analyse(' date 2024-03-06\nHealth Secretary Mark Owen told MPs that waiting lists had fallen.');
    expect(statements).toEqual([expect.objectContaining({ speaker: 'Mark Owen', kind: 'indirect', text: 'waiting lists had fallen' })]);
  });

  it('makes quoted words inside reported speech a partial statement of just those words', () => {
    const { statements } = analyse(' date 2024-03-06\nDefence minister Rustam Ali said they would “discuss a ceasefire”.');
    expect(statements).toEqual([expect.objectContaining({ speaker: 'Rustam Ali', kind: 'partial', text: 'discuss a ceasefire' })]);
  });

  it('reads "accused … of", "described … as", "warned", "explained" and "according to"', () => {
    const { statements } = analyse(
      ' date 2024-03-06\nOpposition leader Sam Reed accused the minister of “lying”.\nMr Reed described the plan as “a gamble”.\nThe figures were late, Mr Reed explained.\nMr Reed warned the deficit would grow.',
    );
    expect(statements.map((s) => [s.speaker, s.kind, s.text])).toEqual([
      ['Sam Reed', 'partial', 'lying'],
      ['Sam Reed', 'partial', 'a gamble'],
      ['Sam Reed', 'indirect', 'The figures were late'],
      ['Sam Reed', 'indirect', 'the deficit would grow'],
    ]);
    expect(saying(fixture('according_to').statements, 'Interest rates')).toMatchObject({ speaker: 'Bank of England', kind: 'indirect' });
  });

  it('gives "the statement said" to the body that issued the statement', () => {
    const { statements } = fixture('multi_paragraph');
    expect(saying(statements, 'gone as far as we can')?.speaker).toBe(saying(statements, 'fair and final')?.speaker);
    expect(saying(statements, 'fair and final')?.speaker).toMatch(/federation/);
  });
});

describe('speech verbs beyond "said" (PolNeAR train misses)', () => {
  it('reads reporting verbs of the long tail: bemoaned, thanked, interjected, groused', () => {
    expect(cuesOf('Rubio also bemoaned the current political climate in which people “literally hate each other.”')[0]).toMatchObject({ verb: 'bemoaned', subject: 'Rubio', content: 'the current political climate in which people <q>' });
    expect(cuesOf('Moore thanked Obama for “stepping up and taking action when Congress won’t.”')[0]).toMatchObject({ verb: 'thanked', subject: 'Moore' });
    expect(cuesOf('Trump interjected: “Only Rosie O’Donnell.”')[0]).toMatchObject({ verb: 'interjected', subject: 'Trump', content: '<q>' });
    expect(cuesOf('Trump groused that CNN “doesn’t treat me properly.”')[0]).toMatchObject({ verb: 'groused', subject: 'Trump', content: 'CNN <q>' });
  });

  it('reads a phrasal speech verb only with its particle: "pointed out that", "shot back"', () => {
    expect(cuesOf('A reporter pointed out that Terris, the Post reporter, saw the incident unfold.')[0]).toMatchObject({ verb: 'pointed', subject: 'A reporter', content: 'Terris , the Post reporter , saw the incident unfold' });
    expect(cuesOf('Hillary shot back: “I suppose I could have chosen to bake cookies.”')[0]).toMatchObject({ verb: 'shot', subject: 'Hillary', content: '<q>' });
    expect(cuesOf('The sniper shot the target.')).toEqual([]);
  });
});

describe('participle cues after another cue', () => {
  it('gives ", adding, “…”" after a trailing or quoted cue the speaker of that cue', () => {
    expect(cuesOf('Ryan and Trump will meet sometime next week, Spicer said, adding, "They need to sit down and have a good talk."').map((c) => c.subject)).toEqual(['Spicer', 'coordinated']);
    expect(cuesOf('In the email, Ash described the move as a “major breach of trust,” adding: “I am now informing all of our committee members.”').map((c) => c.subject)).toEqual(['Ash', 'coordinated']);
    const { statements } = analyse(' date 2016-05-05\nRyan and Trump will meet sometime next week, Sean Spicer said, adding, "They need to sit down and have a good talk."');
    expect(saying(statements, 'sit down')?.speaker).toBe('Sean Spicer');
  });
});

describe('an adjunct between the subject and its verb', () => {
  it('reads "X, in Kentucky, said", "X, meanwhile, told", "X, in a statement …, said he …" with X the speaker', () => {
    expect(cuesOf('Trump, in Kentucky, said Tuesday that Rubio was “a total lightweight.”')[0]).toMatchObject({ subject: 'Trump', trailing: false, content: 'Rubio was <q>' });
    expect(cuesOf('Hunter, meanwhile, told Politico on Wednesday that he is in favor of Trump.')[0]).toMatchObject({ subject: 'Hunter', trailing: false });
    expect(cuesOf('Corey Lewandowski, in a statement released by the campaign on Thursday, said he “appreciates the thoughtful confederation.”')[0]).toMatchObject({ subject: 'Corey Lewandowski', trailing: false, content: 'he <q>' });
  });

  it('still reads content before a trailing cue after a comma', () => {
    expect(cuesOf('The economy is weak in the north, at least for now, said Brown.')[0]).toMatchObject({ subject: 'Brown', trailing: true });
  });
});

describe('times and adjuncts around the verb', () => {
  it('skips "last week", a lone weekday and "only" between subject and verb', () => {
    expect(cuesOf('Priebus later Thursday told Fox News: “Both Donald Trump and Paul Ryan are meeting up next week.”')[0]).toMatchObject({ subject: 'Priebus', content: '<q>' });
    expect(cuesOf('Senate Democrat Dianne Feinstein (D-Calif.) last week said Clinton was not the originator of any "top secret" email chains.')[0]).toMatchObject({ subject: 'Senate Democrat Dianne Feinstein' });
    expect(cuesOf('The scheduling was so odd that a spokesman for Bernie Sanders could only quip: "I guess Christmas Eve was booked."')[0]).toMatchObject({ subject: 'a spokesman for Bernie Sanders', content: '<q>' });
  });

  it('ends a trailing cue at a comma before another prepositional phrase', () => {
    expect(cuesOf('Bernie Sanders’ plan would "end all the kinds of health care we know," Hillary Clinton declared in an interview Thursday, in the latest escalation of words between the candidates.')[0]).toMatchObject({ subject: 'Hillary Clinton', trailing: true, content: 'Bernie Sanders’ plan would <q>' });
  });
});

describe('who the subject is when an apposition or an "of" phrase follows the name', () => {
  it('reads an apposition opened by a role word without a determiner', () => {
    expect(cuesOf('Michael Green, associate professor of history at the University of Nevada-Las Vegas, said places such as Iowa "have more of a historical resonance."')[0]).toMatchObject({ subject: 'Michael Green', content: 'places such as Iowa <q>' });
  });

  it('ends a full name before "of" without an honorific; keeps institutions and titles whole', () => {
    expect(cuesOf('"Building a staged thermonuclear weapon would seem to be a bit of a stretch for the North Koreans," Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote in December.')[0]).toMatchObject({ subject: 'Jeffrey Lewis', trailing: true, content: '<q>' });
    expect(cuesOf('The Bank of England said rates would rise.')[0]).toMatchObject({ subject: 'The Bank of England' });
    expect(cuesOf('Secretary of State John Kerry said the talks would resume.')[0]).toMatchObject({ subject: 'Secretary of State John Kerry' });
  });
});

describe('appositions after the quote a trailing cue reports', () => {
  it('reads "“…,” Name, role words …, said" and a participle apposition as the name speaking', () => {
    expect(cuesOf('“Today’s speech shows a lot,” Adam Green, co-founder of the Progressive Campaign Change Committee, said in a statement.')[0]).toMatchObject({ subject: 'Adam Green', trailing: true, content: '<q>' });
    expect(cuesOf('“The basic contradiction is the requirement,” Bill Frelick, refugee rights program director at Human Rights Watch, said in an interview.')[0]).toMatchObject({ subject: 'Bill Frelick', trailing: true, content: '<q>' });
    expect(cuesOf('“We’ve had more successful conventions than this one,” Texas delegate Bill Eastland, wearing a cowboy hat, said matter-of-factly.')[0]).toMatchObject({ subject: 'Texas delegate Bill Eastland', trailing: true });
  });

  it('does not take a gerund inside an apposition for a speech verb', () => {
    expect(cuesOf('Sexton, a creative writing professor, said he holds his working-class roots “very near and dear to my heart.”').find((c) => c.verb === 'said')).toMatchObject({ subject: 'Sexton', trailing: false, content: 'he holds his working-class roots <q>' });
  });
});

describe('findCues: the speaker before the verb (issue 16, cues 2)', () => {
  it('reads "a spokesman for the X" whole, past the determiner of the body', () => {
    expect(cuesOf('But a spokesman for the English National Ballet told BBC News that around a quarter of the company\'s dancers were from the UK.')[0]).toMatchObject({
      subject: 'a spokesman for the English National Ballet',
      content: "around a quarter of the company's dancers were from the UK",
    });
    expect(cuesOf('A spokeswoman for the RAD said: “It is our responsibility.”')[0]).toMatchObject({ subject: 'A spokeswoman for the RAD', content: '<q>' });
  });

  it('takes the person before "from" or "at" an organisation, as before "of"', () => {
    expect(cuesOf('But Mr Hirsch from Retail Banking Research said the number of cash machines actually at risk was low.')[0]).toMatchObject({ subject: 'Mr Hirsch' });
    expect(cuesOf('Officials at the Pentagon said the plan was dead.')[0]!.subject).not.toBe('Officials'); // one word is no name
  });

  it('skips an adverb between the verb and "that"', () => {
    expect(cuesOf('Microsoft has said repeatedly that it wants to be first to the market.')[0]).toMatchObject({ subject: 'Microsoft', content: 'it wants to be first to the market' });
  });
});

describe('findCues: relative clauses and long appositions before the verb (issue 16, cues 2)', () => {
  it('skips a relative clause after the name, whatever verb it has', () => {
    expect(cuesOf('His wife Sharon, who called the police, said her wedding rings had been stolen.').find((c) => c.verb === 'said')).toMatchObject({ subject: 'wife Sharon', content: 'her wedding rings had been stolen' });
    expect(cuesOf('Fred Hasson, head of Tiga, which represents independent developers, said that more UK firms would go under.')[0]).toMatchObject({ subject: 'Fred Hasson', content: 'more UK firms would go under' });
  });

  it('never takes a determiner alone for the speaker after an inverted verb', () => {
    expect(cuesOf('His wife Sharon, who called the police, said the robbers were armed.').map((c) => c.subject)).not.toContain('the');
  });

  it('takes the name that opens the sentence across a long apposition, an age, a place or an adjunct', () => {
    expect(cuesOf("Bill Millis, a North Carolina businessman who had been a member of the campaign's three-man board before departing last month because of strategic differences, said Carson had been led astray.")[0]).toMatchObject({ subject: 'Bill Millis' });
    expect(cuesOf('Clinton, during a town hall meeting in Columbus, Ohio, said she was “going to put a lot of coal miners out of business.”')[0]).toMatchObject({ subject: 'Clinton', content: 'she was <q>' });
    expect(cuesOf("Cory James, 22, of Flint, Mich., said he hadn't given up hope.")[0]).toMatchObject({ subject: 'Cory James' });
    expect(cuesOf('Speaking later on the same show, Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said Sanders has pushed her.').find((c) => c.verb === 'said')).toMatchObject({ subject: 'Sen Claire McCaskill' });
  });

  it('does not reach over a speech verb of the main clause', () => {
    expect(cuesOf('Clinton, meanwhile, has told reporters that Trump, who lost, said nothing.')).toEqual([expect.objectContaining({ verb: 'told', subject: 'Clinton' })]);
  });
});

describe('findCues: inverted and opening verbs (issue 16, cues 2)', () => {
  it('reads a person named after the verb at the end of the sentence, though no comma comes before the verb', () => {
    expect(cuesOf('There are also other pressures making banks turn to Windows said Dominic Hirsch, managing director of financial analysis firm Retail Banking Research.')[0]).toMatchObject({
      trailing: true,
      subject: 'Dominic Hirsch',
      content: 'There are also other pressures making banks turn to Windows',
    });
    expect(cuesOf('Trump said Hillary Clinton, the nominee, was wrong.')[0]).toMatchObject({ subject: 'Trump', trailing: false });
  });

  it('reads a verb that opens the sentence: "Said X, …, “…”", "Continued X: “…”"', () => {
    expect(cuesOf('Said Dorothy Poynter, who grew up with Ali in the neighborhood, “We were all proud of him.”')[0]).toMatchObject({ subject: 'Dorothy Poynter', content: '<q>' });
    expect(cuesOf('Continued Stone: “So I think it is a very real problem.”')[0]).toMatchObject({ subject: 'Stone', content: '<q>' });
    expect(cuesOf('Asked Tuesday about Sullivan, Feinstein said “I know nothing.”')[0]).toMatchObject({ subject: 'Feinstein' });
  });

  it('reads "agreed" as speech only before "that" or a colon', () => {
    expect(cuesOf('Barca midfielder Deco, formerly managed by Mourinho at Porto, agreed that it was not typical of his fellow Portuguese to lodge a protest.')[0]).toMatchObject({
      subject: 'Barca midfielder Deco',
      content: 'it was not typical of his fellow Portuguese to lodge a protest',
    });
    expect(cuesOf('McConnell agreed to a phone call on Wednesday.').filter((c) => c.verb === 'agreed')).toEqual([]);
  });

  it('does not take a given name with a demonym ending for a nationality', () => {
    expect(isNationality('Dominic')).toBe(false);
    expect(isNationality('Julian')).toBe(false);
    expect(isNationality('Brazilian')).toBe(true);
    expect(isNationality('Congolese')).toBe(true);
  });
});

describe('findCues: nested reported speech (issue 16, cues 2)', () => {
  it('gives a cue after ", who" to the name before the comma and ends the outer content there', () => {
    expect(cuesOf('Weitz said he had visited Pullman, who had told him that the Authority could “represent any arbitrary establishment”.')).toEqual([
      { verb: 'said', trailing: false, subject: 'Weitz', content: 'he had visited Pullman' },
      { verb: 'told', trailing: false, subject: 'Pullman', content: 'the Authority could <q>' },
    ]);
  });
});

describe('findCues: a dash, a name and a colon (issue 16, cues 2)', () => {
  it('reads "headline - Name: “…”" and "More from Name: “…”" as the name speaking', () => {
    expect(cuesOf('Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one.”')[0]).toMatchObject({ subject: 'Carl Bialik', content: '<q>' });
    expect(cuesOf('What that means for the election - More from Jones: “The partisanship of the state population is a starting point.”')[0]).toMatchObject({ subject: 'Jones' });
    expect(cuesOf('The plan was simple: “Win.”')).toEqual([]);
  });
});
