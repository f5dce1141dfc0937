import { pick, randomInt, type RandomSource, cryptoRandom } from './random';
import type { Lang } from './i18n-core';

/**
 * Generated pseudonyms: animal + adjective + number, in the chosen language, lower case
 * with hyphens (easy to type on a phone, nothing to capitalise). French adjectives agree
 * with the animal's gender; Dutch uses only "de" words so the adjective always takes -e.
 */

interface Animal {
  word: string;
  feminine?: boolean;
}

const FR_ANIMALS: Animal[] = [
  { word: 'renard' }, { word: 'loup' }, { word: 'ours' }, { word: 'lapin' }, { word: 'chat' },
  { word: 'cheval' }, { word: 'hibou' }, { word: 'castor' }, { word: 'dauphin' }, { word: 'lion' },
  { word: 'tigre' }, { word: 'pigeon' }, { word: 'moineau' }, { word: 'corbeau' }, { word: 'cerf' },
  { word: 'panda' }, { word: 'koala' }, { word: 'zebre' }, { word: 'requin' }, { word: 'phoque' },
  { word: 'tortue', feminine: true }, { word: 'baleine', feminine: true }, { word: 'chouette', feminine: true },
  { word: 'loutre', feminine: true }, { word: 'abeille', feminine: true }, { word: 'mouette', feminine: true },
  { word: 'girafe', feminine: true }, { word: 'gazelle', feminine: true }, { word: 'fourmi', feminine: true },
  { word: 'hirondelle', feminine: true }, { word: 'marmotte', feminine: true }, { word: 'licorne', feminine: true },
];
// [masculine, feminine]
const FR_ADJECTIVES: [string, string][] = [
  ['agile', 'agile'], ['calme', 'calme'], ['rapide', 'rapide'], ['sage', 'sage'], ['brave', 'brave'],
  ['joyeux', 'joyeuse'], ['curieux', 'curieuse'], ['heureux', 'heureuse'], ['malin', 'maligne'],
  ['fort', 'forte'], ['grand', 'grande'], ['petit', 'petite'], ['vert', 'verte'], ['bleu', 'bleue'],
  ['doux', 'douce'], ['gentil', 'gentille'], ['patient', 'patiente'], ['prudent', 'prudente'],
  ['souriant', 'souriante'], ['tranquille', 'tranquille'], ['rouge', 'rouge'], ['jaune', 'jaune'],
  ['libre', 'libre'], ['solide', 'solide'], ['discret', 'discrete'], ['vif', 'vive'],
];

const NL_ANIMALS = [
  'vos', 'wolf', 'beer', 'kat', 'uil', 'bever', 'dolfijn', 'leeuw', 'tijger', 'duif', 'mus',
  'kraai', 'panda', 'koala', 'zebra', 'haai', 'zeehond', 'schildpad', 'walvis', 'otter', 'bij',
  'meeuw', 'giraf', 'gazelle', 'mier', 'zwaluw', 'marmot', 'egel', 'eekhoorn', 'pinguin', 'kikker', 'haas',
];
const NL_ADJECTIVES = [
  'snelle', 'kalme', 'wijze', 'dappere', 'blije', 'vrolijke', 'nieuwsgierige', 'slimme', 'sterke',
  'grote', 'kleine', 'groene', 'blauwe', 'zachte', 'lieve', 'geduldige', 'voorzichtige', 'rustige',
  'rode', 'gele', 'vrije', 'stoere', 'handige', 'stille', 'vlugge', 'trouwe',
];

const EN_ANIMALS = [
  'fox', 'wolf', 'bear', 'rabbit', 'cat', 'horse', 'owl', 'beaver', 'dolphin', 'lion', 'tiger',
  'pigeon', 'sparrow', 'raven', 'deer', 'panda', 'koala', 'zebra', 'shark', 'seal', 'turtle',
  'whale', 'otter', 'bee', 'gull', 'giraffe', 'gazelle', 'ant', 'swallow', 'badger', 'hedgehog', 'squirrel',
];
const EN_ADJECTIVES = [
  'quick', 'calm', 'wise', 'brave', 'happy', 'curious', 'clever', 'strong', 'tall', 'small',
  'green', 'blue', 'gentle', 'kind', 'patient', 'careful', 'smiling', 'quiet', 'red', 'yellow',
  'free', 'steady', 'bright', 'swift', 'loyal', 'sunny',
];

export function generatePseudonym(lang: Lang, source: RandomSource = cryptoRandom): string {
  const number = 10 + randomInt(90, source);
  switch (lang) {
    // Arabic: French words, as for the passphrase (see words.ts); a to z, typed anywhere.
    case 'ar':
    case 'fr': {
      const animal = pick(FR_ANIMALS, source);
      const adj = pick(FR_ADJECTIVES, source);
      return `${animal.word}-${animal.feminine ? adj[1] : adj[0]}-${number}`;
    }
    case 'nl':
      return `${pick(NL_ADJECTIVES, source)}-${pick(NL_ANIMALS, source)}-${number}`;
    case 'en':
      return `${pick(EN_ADJECTIVES, source)}-${pick(EN_ANIMALS, source)}-${number}`;
  }
}

/** Exposed for tests. */
export const PSEUDONYM_PARTS = {
  fr: { animals: FR_ANIMALS, adjectives: FR_ADJECTIVES },
  nl: { animals: NL_ANIMALS, adjectives: NL_ADJECTIVES },
  en: { animals: EN_ANIMALS, adjectives: EN_ADJECTIVES },
};
