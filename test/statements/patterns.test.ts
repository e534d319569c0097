// The attribution patterns of real news (issue 8, point 1), each on a short article.
import { describe, expect, it } from 'vitest';
import { analyse, saying } from './helpers.js';

const D = ' date 2016-09-20\n';
const speakerOf = (text: string, words: string) => saying(analyse(D + text).statements, words)?.speaker;

describe('attribution patterns', () => {
  it('X said that … with and without quote marks', () => {
    expect(speakerOf('Jake Tapper spoke on CNN.\nTapper said that Brazile is "a good person."', 'a good person')).toBe('Jake Tapper');
    expect(speakerOf('Jake Tapper spoke on CNN.\nTapper said that the network had cut ties with her.', 'the network had cut ties')).toBe('Jake Tapper');
  });

  it('abbreviations with full stops: Sen., Gov., Rep., Mr., initials', () => {
    expect(speakerOf('Vermont Sen. Bernie Sanders said the plan "will not work."', 'will not work')).toBe('Bernie Sanders');
    expect(speakerOf('New Jersey Gov. Chris Christie called the remarks "a disgrace."', 'a disgrace')).toBe('Chris Christie');
    expect(speakerOf('Benjamin J. Rhodes, an aide, spoke first.\n"It was a turning point," Mr. Rhodes said.', 'turning point')).toBe('Benjamin J Rhodes');
  });

  it('a bracketed party label after the name', () => {
    expect(speakerOf('"Subpoenas are not optional," Rep. Jason Chaffetz (R-Utah) said on Tuesday.', 'Subpoenas are not optional')).toBe('Jason Chaffetz');
  });

  it('an apposition between the speaker and the verb', () => {
    expect(speakerOf('Karen Flynn, the president of Common Cause, said "this is a scandal."', 'this is a scandal')).toBe('Karen Flynn');
  });

  it('speaker after the quote, with a manner adverb', () => {
    expect(speakerOf('Rep. Trey Gowdy chaired the hearing.\n"God forbid we ask the FBI anything," Gowdy said sarcastically.', 'God forbid')).toBe('Trey Gowdy');
  });

  it('a quote-only paragraph after a paragraph reporting one person', () => {
    const { statements } = analyse(D + 'Sen. Bernie Sanders told the host that he "honestly does not know the answer."\n"This is what I know. In politics too much we look at personality."');
    expect(saying(statements, 'This is what I know')?.speaker).toBe('Bernie Sanders');
  });

  it('a quote split by its cue, straight quotes', () => {
    const { statements } = analyse(D + 'Mayor Jennifer Roberts spoke.\n"We will never be stopped," Roberts said, "not by anyone."');
    expect(saying(statements, 'We will never be stopped')?.speaker).toBe('Jennifer Roberts');
    expect(saying(statements, 'not by anyone')?.speaker).toBe('Jennifer Roberts');
  });

  it('two apostrophes as quote marks', () => {
    expect(speakerOf("''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist.", "This isn't tax reform")).toBe('Douglas Holtz-Eakin');
  });

  it('X told Y, X wrote, X tweeted, X asked, X blasted', () => {
    expect(speakerOf('Donald Trump told reporters the system is "rigged."', 'rigged')).toBe('Donald Trump');
    expect(speakerOf('Gov. Mike Pence wrote that the ad was "shameful."', 'shameful')).toBe('Mike Pence');
    expect(speakerOf('Sen. Tim Kaine tweeted: "We are ready."', 'We are ready')).toBe('Tim Kaine');
    expect(speakerOf('Rep. Bobby Scott asked the crowd to welcome "my new best friend."', 'my new best friend')).toBe('Bobby Scott');
    expect(speakerOf('Gov. Chris Christie blasted the plan as "a joke."', 'a joke')).toBe('Chris Christie');
  });

  it('according to X, and an organisation as speaker', () => {
    expect(speakerOf('The plan is "dead on arrival," according to Sen. Mitch McConnell.', 'dead on arrival')).toBe('Mitch McConnell');
    expect(speakerOf('In a statement, Peabody said: "Patriot Coal was highly successful."', 'Patriot Coal was highly successful')).toBe('Peabody');
  });

  it('a quote signed with a dash, and a transcript label', () => {
    expect(speakerOf('"Mr. Trump embodies the lasting legacy of racism." ― Sonya Herridge', 'lasting legacy')).toBe('Sonya Herridge');
    expect(speakerOf('Gov. Mike Pence was interviewed.\nPENCE: Well, look, this is serious business.', 'serious business')).toBe('Mike Pence');
  });

  it('never a speaker from a verb that only looks like speech ("have continued to grow")', () => {
    const { statements } = analyse(D + 'Tensions with Russia have continued to grow, despite the talks.');
    expect(statements).toHaveLength(0);
  });

  it('descriptor words before a name after the quote, in either order', () => {
    expect(speakerOf('"The ruling is welcome," county lawyer Dana Whitfield said.', 'The ruling is welcome')).toBe('Dana Whitfield');
    expect(speakerOf('"The ruling is welcome," said retired teacher Dana Whitfield.', 'The ruling is welcome')).toBe('Dana Whitfield');
    // A place after "said at a" is not the speaker.
    expect(speakerOf('"We will appeal," Dana Whitfield, the lawyer for the county, one of the plaintiffs, said at a Denver event.', 'We will appeal')).toBe('Dana Whitfield');
  });

  it('an honorific and a name, then "of" where they are from', () => {
    expect(speakerOf('"The vote was rushed," said Del. Marcia Fudge of the Virgin Islands.', 'The vote was rushed')).toBe('Marcia Fudge');
    expect(speakerOf('Sierra Club director Tom Reyes spoke at the rally.\n"It was a fair outcome," Mr. Reyes of the Sierra Club said.', 'fair outcome')).toBe('Tom Reyes');
  });

  it('appositions in a row, one of them "one of …"', () => {
    expect(speakerOf('"It is an overreach," Ann Cole, the attorney general of Ohio, one of the states suing the agency, said on Monday.', 'an overreach')).toBe('Ann Cole');
  });

  it('a clause after a trailing quote is not a speaker ("… suggests that Denver …")', () => {
    const { statements } = analyse(D + 'City Attorney Ron Diaz said the flyer “plainly and wrongly” suggests that Denver backs the campaign.');
    expect(statements.some((s) => s.speaker === 'Denver')).toBe(false);
  });

  it('a sentence opening with a quote reports it, whatever adjuncts follow the cue', () => {
    expect(speakerOf('"That is exactly right, folks," Marla Greene said to the candidate, who had just arrived.', 'That is exactly right')).toBe('Marla Greene');
    expect(speakerOf('"Nobody expected this result," Marla Greene said last week on local radio.', 'Nobody expected')).toBe('Marla Greene');
    expect(speakerOf('Marla Greene spoke on Sunday.\n"We must keep going," Greene said on ABC\'s "This Week."', 'We must keep going')).toBe('Marla Greene');
  });

  it('a quote ending in ? or ! and the cue after it are one sentence', () => {
    expect(speakerOf('"Who would have thought we would get this far?" Marla Greene said, waving to the crowd.', 'Who would have thought')).toBe('Marla Greene');
  });

  it('"the IMF report said": the body named before the document', () => {
    const { statements } = analyse(D + 'Mayor Tom Ruiz spoke first.\n"Growth will slow next year, and the risks are high," the IMF report stated.');
    expect(saying(statements, 'Growth will slow')?.speaker).toBe('IMF');
  });

  it('a noun "reports" before the cue does not swallow it; "said Friday that"', () => {
    const { statements } = analyse(D + 'Following early reports of the fire, before officials had arrived, Republican nominee Dan Price said at a rally in Ohio that "a blaze" had broken out.\nMayor Ana Ruiz said Friday that the bridge would reopen soon.');
    expect(saying(statements, 'a blaze')?.speaker).toBe('Dan Price');
    expect(saying(statements, 'the bridge would reopen')?.text.startsWith('the bridge')).toBe(true);
  });

  it('a party label between commas: "Mitch Keller, R-Ky., said"', () => {
    expect(speakerOf('"The override will pass," Senate Majority Leader Mitch Keller, R-Ky., said Tuesday.', 'The override will pass')).toBe('Mitch Keller');
  });

  it('according to a described source: descriptor words before the name', () => {
    expect(speakerOf('According to radio host Dale Brooks, the plan shows “panic” in the campaign.', 'panic')).toBe('Dale Brooks');
    expect(speakerOf('Turnout rose to a “record” level, according to the organiser Coalition to Save Libraries.', 'record')).toBe("Coalition to Save Libraries");
  });
});
