export const meta = { name: "release-flow", description: "Cuts a release.", phases: [] };
export default async function () {}
