/** Example answers as tests reshape them: arbitrary JSON, reached into by property path. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are free-form JSON whose shape each preset defines
export type Answers = Record<string, any>;
