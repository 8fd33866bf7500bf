/** Why an expression cannot be parsed or evaluated, in the clerk's and the resident's languages. */
export interface CalcMessage {
  ja: string;
  en: string;
}

export class CalcError extends Error {
  constructor(readonly text: CalcMessage) {
    super(text.en);
    this.name = 'CalcError';
  }
}

export const calcError = (ja: string, en: string) => new CalcError({ ja, en });
