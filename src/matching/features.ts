import type { Language } from '../domain/enums.ts';
import { isGeneric, stem, tokens, words } from './text.ts';
import { CONCEPTS } from './vocabulary.ts';

/** A feature of a text: a concept of the vocabulary (`c:…`) or a word stem (`s:…`). */
export type Feature = string;

/** The features of one text, each with its count and the words of the text that gave it. */
export interface TextFeatures {
  counts: Map<Feature, number>;
  surface: Map<Feature, string>;
}

interface CompiledTerm {
  concept: string;
  stems: string[];
}

/** Terms by language and by their first stem, so a text only tries the terms that can match. */
const TERMS: Record<Language, Map<string, CompiledTerm[]>> = { fr: new Map(), en: new Map() };
for (const concept of CONCEPTS) {
  for (const language of ['fr', 'en'] as const) {
    for (const term of concept[language]) {
      const stems = words(term).map((w) => stem(w, language));
      const first = stems[0];
      if (first === undefined) continue;
      const list = TERMS[language].get(first) ?? [];
      list.push({ concept: concept.id, stems });
      TERMS[language].set(first, list);
    }
  }
}

/** Stems and vocabulary concepts of a text in its language. Generic words count for nothing. */
export function textFeatures(text: string, language: Language): TextFeatures {
  const counts = new Map<Feature, number>();
  const surface = new Map<Feature, string>();
  const toks = tokens(text);
  const ws = toks.map((t) => t.folded);
  const shown = toks.map((t) => t.original.toLowerCase());
  const stems = ws.map((w) => stem(w, language));
  const present = new Set(stems);
  const add = (f: Feature, word: string) => {
    counts.set(f, (counts.get(f) ?? 0) + 1);
    if (!surface.has(f)) surface.set(f, word);
  };
  for (const [i, s] of stems.entries()) {
    if (!isGeneric(ws[i] as string)) add(`s:${s}`, shown[i] as string);
    for (const term of TERMS[language].get(s) ?? []) {
      if (term.stems.every((t) => present.has(t)) && !counts.has(`c:${term.concept}`)) {
        add(`c:${term.concept}`, phraseAt(shown, stems, i, term.stems));
      }
    }
  }
  return { counts, surface };
}

/** The words of the text that a matched term covers, for the reasons shown to users. */
function phraseAt(ws: string[], stems: string[], start: number, termStems: string[]): string {
  if (termStems.length === 1) return ws[start] as string;
  const window = stems.slice(start, start + termStems.length);
  if (termStems.every((t, k) => window[k] === t)) return ws.slice(start, start + termStems.length).join(' ');
  return termStems.map((t) => ws[stems.indexOf(t)]).join(' … ');
}
