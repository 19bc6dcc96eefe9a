export const ledger = [];
