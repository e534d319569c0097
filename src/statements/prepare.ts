// Reads each article once into the structures the statement finder walks: paragraphs with their
// quotes (carried across paragraphs), sentences of the quote-masked text, tokens and name chains.
import type { Article, Passage } from '../types.js';
import { findCues, type Cue } from './findCues.js';
import { findQuotes, maskQuotes, type Quote } from './findQuotes.js';
import { findNameChains, type NameChain } from './nameMentions.js';
import { statementSentences as sentenceRanges } from './sentences.js';
import { tokenize, type Token } from './tokens.js';

export interface Sentence {
  /** Position in the article, counting across paragraphs. */
  index: number;
  start: number;
  end: number;
  tokens: Token[];
  /** Name chains outside quotes (token indices are the sentence's). */
  chains: NameChain[];
  cues: Cue[];
}

export interface PreparedParagraph {
  passage: Passage;
  text: string;
  masked: string;
  quotes: Quote[];
  sentences: Sentence[];
  /** Name chains inside quoted words: mentions for the register, never speakers. */
  quotedChains: NameChain[];
}

export interface PreparedArticle {
  article: Article;
  paragraphs: PreparedParagraph[];
}

export function prepareArticle(article: Article): PreparedArticle {
  let continuing = false;
  let sentenceIndex = 0;
  const paragraphs = article.paragraphs.map((passage) => {
    const text = passage.text;
    const { quotes, openAtEnd } = findQuotes(text, continuing);
    continuing = openAtEnd;
    const masked = maskQuotes(text, quotes);
    const sentences = sentenceRanges(masked).map(({ start, end }) => {
      const tokens = tokenize(masked, quotes, start, end);
      const chains = findNameChains(tokens);
      const cues = findCues(tokens);
      // A name that speaks is a person or a body, not a place: evidence for the people index.
      for (const cue of cues) {
        if (cue.subject.type !== 'np') continue;
        const { from, to } = cue.subject;
        // Not a name inside a phrase after the head: "the health minister for Wales says" is not Wales.
        for (const chain of chains) {
          const before = tokens[chain.first - 1];
          const inPhrase = chain.first > from && before?.kind === 'word' && /^(for|of|at|from|in|on|to|with)$/.test(before.lower);
          if (chain.first >= from && chain.last < to && !inPhrase) chain.speaks = true;
        }
      }
      return { index: sentenceIndex++, start, end, tokens, chains, cues };
    });
    const quotedChains = quotes.flatMap((q) =>
      sentenceRanges(q.text).flatMap(({ start, end }) => findNameChains(tokenize(q.text, [], start, end))),
    );
    return { passage, text, masked, quotes, sentences, quotedChains };
  });
  return { article, paragraphs };
}
