export * from './keywords';
export * from './limits';
export * from './calcError';
export * from './parseCalc';
export * from './evaluateCalc';
export * from './formCalc';
export * from './calcNames';
export * from './formatAmount';
