/**
 * Month names and the abbreviations Excel and people write in English, French, German, Spanish,
 * Italian, Dutch and Portuguese. No word means different months in two of these languages, so one
 * table serves them all and the sheet's language need not be known.
 */
const WORDS_BY_MONTH: readonly string[][] = [
  [
    "jan",
    "january",
    "janv",
    "janvier",
    "januar",
    "jan",
    "janner",
    "januari",
    "ene",
    "enero",
    "gen",
    "gennaio",
    "janeiro",
  ],
  [
    "feb",
    "february",
    "fev",
    "fevr",
    "fevrier",
    "februar",
    "februari",
    "febrero",
    "febbraio",
    "fevereiro",
  ],
  ["mar", "march", "mars", "marz", "maerz", "mrz", "maart", "mrt", "marzo", "marco"],
  ["apr", "april", "avr", "avril", "abr", "abril", "aprile"],
  ["may", "mai", "mei", "mayo", "mag", "maggio", "maio"],
  ["jun", "june", "juin", "juni", "junio", "giu", "giugno", "junho"],
  ["jul", "july", "juil", "juillet", "juli", "julio", "lug", "luglio", "julho"],
  ["aug", "august", "aout", "augustus", "ago", "agosto"],
  [
    "sep",
    "sept",
    "september",
    "septembre",
    "septiembre",
    "setiembre",
    "set",
    "settembre",
    "setembro",
  ],
  ["oct", "october", "octobre", "okt", "oktober", "octubre", "ott", "ottobre", "out", "outubro"],
  ["nov", "november", "novembre", "noviembre", "novembro"],
  ["dec", "december", "decembre", "dez", "dezember", "dic", "diciembre", "dicembre", "dezembro"],
];

const MONTH_OF_WORD = new Map<string, number>();
WORDS_BY_MONTH.forEach((words, i) => words.forEach((w) => MONTH_OF_WORD.set(w, i + 1)));

/** "Mär" -> "mar", "févr." -> "fevr", "Août" -> "aout": lower case, accents and a final dot dropped. */
function normalise(word: string): string {
  return word
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\.$/, "");
}

/** The month (1-12) a word names in any of the languages above, or -1. */
export function monthOfWord(word: string): number {
  return MONTH_OF_WORD.get(normalise(word)) ?? -1;
}
