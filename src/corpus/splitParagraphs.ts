import type { Caption } from '../types.js';

// Photo markers are page furniture: the marker line and the caption after it never become passages.
const GALLERY_MARKER = /^open image in gallery\b[:\s]*/i;
// A caption ends with its credit in brackets: "…at 10 Downing Street(Jeff Moore/PA)".
const CREDIT = /\s*\(([^()]*)\)\s*$/;

export interface Paragraphs {
  paragraphs: string[];
  captions: Caption[];
}

/** Normalises line endings and odd spaces so that splitting and matching see plain text. */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u200B\u2060]/g, '');
}

/**
 * Splits text into paragraphs on blank lines and on single newlines alike (both occur in the
 * coverage), dropping gallery markers and taking the caption that follows each as metadata.
 */
export function splitParagraphs(lines: string[]): Paragraphs {
  const paragraphs: string[] = [];
  const captions: Caption[] = [];
  let captionPending = false;
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const marker = GALLERY_MARKER.exec(line);
    if (marker) {
      const inline = line.slice(marker[0].length).trim();
      if (inline) captions.push(toCaption(inline, paragraphs.length));
      captionPending = !inline;
      continue;
    }
    if (captionPending) {
      captions.push(toCaption(line, paragraphs.length));
      captionPending = false;
      continue;
    }
    paragraphs.push(line);
  }
  return { paragraphs, captions };
}

function toCaption(text: string, afterParagraph: number): Caption {
  const credit = CREDIT.exec(text);
  return credit
    ? { afterParagraph, text: text.slice(0, credit.index).trim(), credit: credit[1]?.trim() || null }
    : { afterParagraph, text, credit: null };
}
