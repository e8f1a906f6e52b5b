export * from './idNumber.ts';
export * from './masking.ts';
export * from './password.ts';
export * from './roles.ts';
export * from './profile.ts';
export * from './credits/index.ts';
export * from './project-labels.ts';
export * from './grants.ts';
