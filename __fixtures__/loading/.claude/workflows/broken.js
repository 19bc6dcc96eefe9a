const x = 1;
export const meta = { name: 'late' };
