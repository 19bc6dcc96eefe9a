// Release workflow
export const meta = {
  name: 'release',
  description: `Cut a release`,
  whenToUse: "when the user says ship it",
  phases: [{ title: 'build' }, { title: 'tag' }],
};
throw new Error('this file must never be executed');
