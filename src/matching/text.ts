import snowball from 'snowball-stemmers';
import type { Language } from '../domain/enums.ts';

const STEMMERS = { fr: snowball.newStemmer('french'), en: snowball.newStemmer('english') };

/** Words that carry no meaning for matching, in both languages (accents removed, lower case). */
const STOPWORDS = new Set(
  `a au aux avec ce ces cet cette dans de des du en et est il ils la le les leur leurs ou par pour
  sur sous un une nos notre vos votre son sa ses qui que quoi dont entre chez plus tres tout tous
  toute toutes afin ainsi autre autres comme depuis etre avoir fait faire issu issue issus mais
  aussi deja selon vers lors non
  the an and or of to in on for with by from at as is are be our your their its this that these those
  into over under about via per we us you they it not more most all any each other such than
  new based using use across within`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words too generic to tell two profiles apart, in both languages. */
const GENERIC = new Set(
  `partenaire partenaires partenariat partenariats partner partners partnership partnerships
  solution solutions service services recherche rechercher cherche looking seeking seek
  entreprise entreprises company companies societe societes client clients customer customers
  projet projets project projects offre offres offer offers besoin besoins need needs
  marche marches market markets developpement development international internationaux
  francais france american americain americains etats unis usa us floride florida miami marseille`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower case, accents and typographic apostrophes removed. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’']/g, ' ');
}

const foldWord = (w: string): string =>
  w
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** The meaningful words of a text in order, folded and as written: no stop words, numbers or single letters. */
export function tokens(text: string): { folded: string; original: string }[] {
  const out: { folded: string; original: string }[] = [];
  for (const original of text
    .normalize('NFC')
    .replace(/[’']/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)) {
    const folded = foldWord(original);
    if (folded.length > 1 && !STOPWORDS.has(folded) && !/^\d+$/.test(folded)) out.push({ folded, original });
  }
  return out;
}

/** The meaningful words of a text, folded. */
export const words = (text: string): string[] => tokens(text).map((t) => t.folded);

const stemCache = { fr: new Map<string, string>(), en: new Map<string, string>() };

/** The Snowball stem of a folded word in a language (memoized: profiles repeat their words). */
export function stem(word: string, language: Language): string {
  const cache = stemCache[language];
  let s = cache.get(word);
  if (s === undefined) {
    s = STEMMERS[language].stem(word);
    if (cache.size > 200_000) cache.clear();
    cache.set(word, s);
  }
  return s;
}

export const isGeneric = (word: string): boolean => GENERIC.has(word);
