/**
 * How RJSF fills in defaults. Its own choice pre-ticks consents (a `const:
 * true` taken as default) and answers required yes/no questions with
 * 「いいえ」; a resident must give both answers themselves.
 */
import type { Experimental_DefaultFormStateBehavior } from '@rjsf/utils';

export const RESIDENT_DEFAULTS_BEHAVIOR = {
  constAsDefaults: 'never',
  requiredBooleanDefault: 'skip', // RJSF 6.11 option, not yet in its type
} as Experimental_DefaultFormStateBehavior;
